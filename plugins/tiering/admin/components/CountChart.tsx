import { EChart } from '@rapport/admin-kit'
import { useMemo } from 'react'

type Props = { counts: { key: string; count: number }[]; labelOf: (key: string) => string; label: string; horizontal?: boolean }

/** Counts per key as bars, vertical or (for long labels) horizontal. */
export function CountChart({ counts, labelOf, label, horizontal = false }: Props) {
  const option = useMemo(() => {
    const names = counts.map((c) => labelOf(c.key))
    const category = { type: 'category', data: horizontal ? [...names].reverse() : names }
    const value = { type: 'value' }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 120 : 40, right: 24, top: 16, bottom: 32 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: (horizontal ? [...counts].reverse() : counts).map((c) => c.count), itemStyle: { color: '#1677ff' } }],
    }
  }, [counts, labelOf, horizontal])
  return <EChart option={option} label={label} height={horizontal ? 360 : 280} />
}
