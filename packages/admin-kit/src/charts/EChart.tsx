import type { EChartsCoreOption } from 'echarts/core'
import { Skeleton } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { loadEcharts, type ECharts } from './load-echarts'

/**
 * A chart drawn by ECharts, loaded lazily. `label` names the chart for screen readers; ECharts'
 * aria module adds a generated description of the data.
 * @example <EChart label={t('tiers.chart')} option={{ xAxis: {...}, series: [...] }} height={280} />
 */
export function EChart({ option, label, height = 300 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    let disposed = false
    let observer: ResizeObserver | undefined
    void loadEcharts().then((echarts) => {
      if (disposed || !container.current) return
      chart.current = echarts.init(container.current, undefined, { renderer: 'canvas' })
      observer = new ResizeObserver(() => chart.current?.resize())
      observer.observe(container.current)
      setReady(true)
    })
    return () => {
      disposed = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    if (ready) chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true })
  }, [ready, option])

  return (
    <div role="img" aria-label={label} style={{ position: 'relative', height }}>
      {!ready && <Skeleton active paragraph={{ rows: 4 }} style={{ position: 'absolute', inset: 0 }} />}
      <div ref={container} style={{ height }} />
    </div>
  )
}
