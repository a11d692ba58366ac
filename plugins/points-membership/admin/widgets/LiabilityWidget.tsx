import { EChart, PeriodChange, useFormatters, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Flex, Statistic } from 'antd'
import { useMemo } from 'react'
import type { LiabilityWidgetData } from '../../server/dashboard/liability-widget'

/** The points held now and their value, and a bar of what was earned, spent and expired in the range. */
export default function LiabilityWidget({ data, previous }: WidgetProps<LiabilityWidgetData>) {
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [t('widget.earned'), t('widget.spent'), t('widget.expired')] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [
        { value: data.earned, itemStyle: { color: '#389e0d' } },
        { value: data.spent, itemStyle: { color: '#1677ff' } },
        { value: data.expired, itemStyle: { color: '#8c8c8c' } },
      ] }],
    }),
    [data, t],
  )
  const n = (v: number) => v.toLocaleString(f.language)
  const stats = [
    { key: 'outstanding', value: n(data.outstandingPoints), now: data.outstandingPoints, before: previous?.outstandingPoints, rising: 'neutral' as const },
    { key: 'value', value: f.money(data.valueMinor, data.currency) },
    { key: 'members', value: n(data.members), now: data.members, before: previous?.members, rising: 'good' as const },
    { key: 'expiring', value: n(data.expiringPoints), now: data.expiringPoints, before: previous?.expiringPoints, rising: 'bad' as const },
    ...(data.debtPoints > 0 ? [{ key: 'debt', value: n(data.debtPoints) }] : []),
  ]
  // Figures in a wrapping row above the chart, so a narrow card never overlaps them.
  return (
    <Flex vertical gap={12}>
      <Flex gap={24} wrap>
        {stats.map((s) => (
          <Flex key={s.key} vertical>
            <Statistic title={t(`widget.${s.key}`)} value={s.value} styles={{ content: { fontSize: 20 } }} />
            {'now' in s && <PeriodChange current={s.now} previous={s.before} rising={s.rising} />}
          </Flex>
        ))}
      </Flex>
      <EChart option={option} label={t('widget.chart')} height={180} />
    </Flex>
  )
}
