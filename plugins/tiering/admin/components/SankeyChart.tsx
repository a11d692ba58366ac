import { EChart } from '@rapport/admin-kit'
import { useMemo } from 'react'
import type { Migration } from '../api'

/** The migration's links as a sankey: states on the from date on the left, on the to date on the right. */
export function MigrationSankey({ migration, labelOf, label }: { migration: Migration; labelOf: (key: string) => string; label: string }) {
  const option = useMemo(() => {
    const nameOf = (id: string) => labelOf(id.split(':')[1]!)
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataType: string; name: string; data: { source?: string; target?: string; value?: number } }) =>
          p.dataType === 'edge' ? `${nameOf(p.data.source!)} → ${nameOf(p.data.target!)}: ${p.data.value}` : nameOf(p.name),
      },
      series: [{
        type: 'sankey',
        left: 16, right: 96, top: 16, bottom: 16,
        nodeAlign: 'justify',
        emphasis: { focus: 'adjacency' },
        label: { formatter: (p: { name: string }) => nameOf(p.name) },
        lineStyle: { color: 'gradient', curveness: 0.5 },
        data: migration.sankey.nodes.map((n) => ({ name: n.id, depth: n.side === 'from' ? 0 : 1 })),
        links: migration.sankey.links,
      }],
    }
  }, [migration, labelOf])
  return <EChart option={option} label={label} height={360} />
}
