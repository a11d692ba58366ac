import { EChart, PeriodChange, useFormatters, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Flex, Statistic } from 'antd'
import { useMemo } from 'react'
import type { AtRiskWidgetData } from '../../shared/schemas'

const bandColors = { low: '#52c41a', medium: '#fa8c16', high: '#f5222d' } as const

/** Customers per churn-risk band as a bar chart, with the revenue at stake beside it. */
export default function AtRiskWidget({ data, previous }: WidgetProps<AtRiskWidgetData>) {
  const { t } = usePluginTranslation('churn-risk')
  const format = useFormatters()
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: data.bands.map((b) => t(`bands.${b.band}`)) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.bands.map((b) => ({ value: b.count, itemStyle: { color: bandColors[b.band] } })) }],
    }),
    [data, t],
  )
  return (
    <Flex gap={24} align="center" wrap>
      <div style={{ flex: 1, minWidth: 260 }}>
        <EChart option={option} label={t('widget.bandsChart')} height={220} />
      </div>
      <Flex vertical gap={16}>
        {data.revenueAtStake.length === 0 ? (
          <Statistic title={t('widget.revenueAtStake')} value={t('widget.none')} />
        ) : (
          data.revenueAtStake.map((r) => (
            <Flex key={r.currency} vertical>
              <Statistic title={`${t('widget.revenueAtStake')} · ${r.currency}`} value={format.money(r.amountMinor, r.currency) ?? r.amountMinor} />
              <PeriodChange current={r.amountMinor} previous={previous ? (previous.revenueAtStake.find((p) => p.currency === r.currency)?.amountMinor ?? 0) : undefined} rising="bad" />
            </Flex>
          ))
        )}
      </Flex>
    </Flex>
  )
}
