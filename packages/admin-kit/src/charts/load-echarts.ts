/**
 * @module
 * ECharts, loaded on first use, so pages without charts never download it and pages with charts
 * share one chunk.
 */
import type { ECharts } from 'echarts/core'

type EchartsCore = typeof import('echarts/core')

let loading: Promise<EchartsCore> | undefined

/** The ECharts core with the admin's charts and components registered. */
export function loadEcharts(): Promise<EchartsCore> {
  loading ??= import('./echarts-setup').then((setup) => setup.echarts)
  return loading
}

export type { ECharts }
