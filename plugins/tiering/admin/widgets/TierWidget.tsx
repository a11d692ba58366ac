import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import { EChart, PeriodChange, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Flex, Statistic } from 'antd'
import { useMemo } from 'react'
import type { TierWidgetData } from '../../server/dashboard/tier-widget'

const tierColors = ['#8e44ad', '#95a5a6', '#cd7f32', '#5d6d7e']

/** Customers per tier as a bar chart, with the upgrades and downgrades of the range beside it. */
export default function TierWidget({ data, previous }: WidgetProps<TierWidgetData>) {
  const { t, language } = usePluginTranslation('tiering')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: data.tiers.map((tier) => (language === 'zh-CN' ? tier.label['zh-CN'] : tier.label.en)) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.tiers.map((tier, i) => ({ value: tier.count, itemStyle: { color: tierColors[i] } })) }],
    }),
    [data, language],
  )
  return (
    <Flex gap={24} align="center" wrap>
      <div style={{ flex: 1, minWidth: 260 }}>
        <EChart option={option} label={t('widget.tiersChart')} height={220} />
      </div>
      <Flex vertical gap={16}>
        <Flex vertical>
          <Statistic title={t('widget.upgrades')} value={data.upgrades} prefix={<ArrowUpOutlined />} styles={{ content: { color: '#237804' } }} />
          <PeriodChange current={data.upgrades} previous={previous?.upgrades} />
        </Flex>
        <Flex vertical>
          <Statistic title={t('widget.downgrades')} value={data.downgrades} prefix={<ArrowDownOutlined />} styles={{ content: { color: '#a8071a' } }} />
          <PeriodChange current={data.downgrades} previous={previous?.downgrades} rising="bad" />
        </Flex>
      </Flex>
    </Flex>
  )
}
