import { EChart, useProfileFieldLabels, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Empty, Flex, Segmented, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { type Breakdown, type GroupEstimatesView, getBreakdown, type Grouping, type Scope } from '../api/analytics'
import { GroupComparison } from './GroupComparison'
import { percent, points } from './estimate-text'
import { MethodTitle } from './MethodTitle'
import { QueryCard } from './QueryCard'

const groupings: Record<'tier' | 'segment' | 'channel', Grouping> = {
  tier: { by: 'field', field: 'tiering.tier' },
  segment: { by: 'field', field: 'tiering.segment' },
  channel: { by: 'channel' },
}
type GroupingKey = keyof typeof groupings

/** NPS, CSAT and CES top-2-box per tier, RFM segment or channel, with 95% intervals, and a test between two groups. */
export function BreakdownCard({ scope }: { scope: Scope }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const [key, setKey] = useState<GroupingKey>('tier')
  const grouping = groupings[key]
  const query = useQuery({ queryKey: ['satisfaction-survey', 'analytics', scope, 'breakdown', grouping], queryFn: ({ signal }) => getBreakdown(scope, grouping, signal) })
  const labelOf = useGroupLabel(grouping)
  return (
    <QueryCard
      title={t('analysis.title')}
      query={query}
      extra={
        <Segmented<GroupingKey>
          aria-label={t('analysis.groupBy')}
          value={key}
          onChange={setKey}
          options={[{ value: 'tier', label: t('analysis.byTier') }, { value: 'segment', label: t('analysis.bySegment') }, { value: 'channel', label: t('analysis.byChannel') }]}
        />
      }
    >
      {(data) => (data.groups.length === 0 ? <Empty description={t('analysis.noGroups')} /> : <BreakdownBody data={data} scope={scope} grouping={grouping} labelOf={labelOf} />)}
    </QueryCard>
  )
}

/** The label people read for a group key: the field's value label, the channel's name, or "not set". */
function useGroupLabel(grouping: Grouping) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { valueLabel } = useProfileFieldLabels()
  return (g: Pick<GroupEstimatesView, 'key' | 'label'>) => {
    if (g.key === null) return t('analysis.unset')
    if (grouping.by === 'channel') return t(`channel.${g.key}`, { defaultValue: g.key })
    return valueLabel(grouping.field, g.key) ?? g.label ?? g.key
  }
}

function BreakdownBody({ data, scope, grouping, labelOf }: { data: Breakdown; scope: Scope; grouping: Grouping; labelOf: (g: GroupEstimatesView) => string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => points(v) },
    grid: { left: 44, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: data.groups.map(labelOf), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', min: -100, max: 100, name: 'NPS' },
    series: [{ type: 'bar', name: 'NPS', data: data.groups.map((g) => g.nps.nps), itemStyle: { color: '#1677ff' } }],
  }), [data, labelOf])
  const interval = (low: string, high: string) => t('analysis.interval', { low, high })
  const box = (e: GroupEstimatesView['csat']) => (e.responses === 0 ? '–' : (
    <span title={interval(percent(e.low), percent(e.high))}>
      {percent(e.share)} <Typography.Text type="secondary">[{percent(e.low)}, {percent(e.high)}] n = {e.responses}</Typography.Text>
    </span>
  ))
  return (
    <Flex vertical gap={12}>
      <EChart option={option} label={t('analysis.chart')} height={220} />
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(g) => g.key ?? ''}
        dataSource={data.groups}
        columns={[
          { title: t('analysis.group'), key: 'group', render: (_, g) => labelOf(g) },
          {
            title: <MethodTitle title={t('analysis.nps')} method={t('analysis.npsMethod')} />, key: 'nps',
            render: (_, g) => (g.nps.responses === 0 ? '–' : (
              <span>{points(g.nps.nps)} <Typography.Text type="secondary">[{points(g.nps.low)}, {points(g.nps.high)}] n = {g.nps.responses}</Typography.Text></span>
            )),
          },
          { title: <MethodTitle title={t('analysis.csatTop2')} method={t('analysis.boxMethod')} />, key: 'csat', render: (_, g) => box(g.csat) },
          { title: <MethodTitle title={t('analysis.cesTop2')} method={t('analysis.boxMethod')} />, key: 'ces', render: (_, g) => box(g.ces) },
        ]}
      />
      <GroupComparison groups={data.groups} scope={scope} grouping={grouping} labelOf={labelOf} />
    </Flex>
  )
}
