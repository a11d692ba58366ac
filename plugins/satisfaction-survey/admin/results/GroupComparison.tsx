import { usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Flex, Select, Skeleton, Typography } from 'antd'
import { useId, useState } from 'react'
import { compareGroups, type GroupEstimatesView, type Grouping, type Scope } from '../api/analytics'
import { ComparisonTable } from './ComparisonTable'

/** Two groups picked from the breakdown, tested against each other over the same range. */
export function GroupComparison({ groups, scope, grouping, labelOf }: { groups: GroupEstimatesView[]; scope: Scope; grouping: Grouping; labelOf: (g: GroupEstimatesView) => string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const keyed = groups.filter((g) => g.key !== null)
  const [picked, setPicked] = useState<[string | undefined, string | undefined]>([undefined, undefined])
  const a = picked[0] ?? keyed[0]?.key ?? undefined
  const b = picked[1] ?? keyed[1]?.key ?? undefined
  const ready = a !== undefined && b !== undefined && a !== b
  const query = useQuery({
    queryKey: ['satisfaction-survey', 'analytics', scope, 'compare-groups', grouping, a, b],
    queryFn: ({ signal }) => compareGroups(scope, grouping, a!, b!, signal),
    enabled: ready,
  })
  if (keyed.length < 2) return null
  const options = keyed.map((g) => ({ value: g.key!, label: labelOf(g) }))
  const nameOf = (key: string | undefined) => options.find((o) => o.value === key)?.label ?? ''
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('analysis.compareGroups')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <label htmlFor={`${id}-a`}>{t('analysis.groupA')}</label>
        <Select id={`${id}-a`} style={{ minWidth: 140 }} value={a} options={options} onChange={(v) => setPicked([v, b])} />
        <label htmlFor={`${id}-b`}>{t('analysis.groupB')}</label>
        <Select id={`${id}-b`} style={{ minWidth: 140 }} value={b} options={options} onChange={(v) => setPicked([a, v])} />
      </Flex>
      {ready && (query.data ? <ComparisonTable data={query.data} labelA={nameOf(a)} labelB={nameOf(b)} /> : <Skeleton active paragraph={{ rows: 2 }} />)}
    </Flex>
  )
}
