import { EChart, PeriodChange, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Flex, Statistic } from 'antd'
import { useMemo } from 'react'
import type { OpenWidgetData } from '../../server/dashboard/open-widget'

const colors: Record<string, string> = { low: '#8c8c8c', normal: '#1677ff', high: '#d46b08', urgent: '#cf1322' }

/** Open complaints by priority, with the SLA hit rate and filed vs resolved of the range beside it. */
export default function OpenWidget({ data, previous }: WidgetProps<OpenWidgetData>) {
  const { t } = usePluginTranslation('complaint-tracking')
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: data.openByPriority.map((p) => t(`priority.${p.priority}`)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.openByPriority.map((p) => ({ value: p.count, itemStyle: { color: colors[p.priority] } })) }],
  }), [data, t])
  const rate = data.slaHitRate.rate
  return (
    <Flex gap={24} align="center" wrap>
      <div style={{ flex: 1, minWidth: 260 }}><EChart option={option} label={t('widget.chart')} height={220} /></div>
      <Flex vertical gap={12}>
        <Flex vertical>
          <Statistic title={t('widget.slaHitRate')} value={rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`} />
          <PeriodChange current={rate} previous={previous?.slaHitRate.rate} as="points" />
        </Flex>
        <Flex vertical>
          <Statistic title={t('widget.filed')} value={data.filed} />
          <PeriodChange current={data.filed} previous={previous?.filed} rising="bad" />
        </Flex>
        <Flex vertical>
          <Statistic title={t('widget.resolved')} value={data.resolved} />
          <PeriodChange current={data.resolved} previous={previous?.resolved} />
        </Flex>
      </Flex>
    </Flex>
  )
}
