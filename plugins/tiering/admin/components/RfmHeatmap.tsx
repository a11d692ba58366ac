import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import { useMemo } from 'react'
import type { RfmGrid } from '../api'

const SCORES = ['1', '2', '3', '4', '5']

/** The 5 × 5 grid of recency (rows) by frequency (columns) scores, shaded by customers per cell. */
export function RfmHeatmap({ grid }: { grid: RfmGrid }) {
  const { t } = usePluginTranslation('tiering')
  const option = useMemo(() => {
    const max = Math.max(1, ...grid.cells.map((c) => c.count))
    return {
      tooltip: {
        position: 'top',
        formatter: (p: { data: [number, number, number, number | null] }) =>
          t('rfmGrid.cell', { f: p.data[0] + 1, r: p.data[1] + 1, count: p.data[2], m: p.data[3] ?? '–' }),
      },
      grid: { left: 64, right: 24, top: 16, bottom: 104 },
      xAxis: { type: 'category', data: SCORES, name: t('rfmGrid.frequency'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
      yAxis: { type: 'category', data: SCORES, name: t('rfmGrid.recency'), nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f5ff', '#1d39c4'] } },
      series: [{
        type: 'heatmap',
        label: { show: true },
        data: grid.cells.map((c) => [c.f - 1, c.r - 1, c.count, c.avgMonetary]),
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0, 0, 0, 0.3)' } },
      }],
    }
  }, [grid, t])
  return <EChart option={option} label={t('rfmGrid.chart')} height={360} />
}
