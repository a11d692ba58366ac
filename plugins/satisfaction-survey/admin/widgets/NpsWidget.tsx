import { EChart, PeriodChange, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Flex, Statistic, Typography } from 'antd'
import { useMemo } from 'react'
import { NpsSplit } from '../results/NpsSplit'

/** What the server part's `nps` widget computes for the dashboard's range and segment. */
export type NpsWidgetData = {
  nps: number | null
  marginOfError: number | null
  responses: number
  promoters: number
  passives: number
  detractors: number
  avgCsat: number | null
  trend: Array<{ period: string; nps: number | null; responses: number }>
}

/** NPS as a big number with its margin of error, the promoter / passive / detractor split, average CSAT and the trend line. */
export default function NpsWidget({ data, previous }: WidgetProps<NpsWidgetData>) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: data.trend.map((p) => p.period) },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [{ type: 'line', name: 'NPS', connectNulls: true, data: data.trend.map((p) => p.nps), itemStyle: { color: '#1677ff' } }],
    }),
    [data],
  )
  return (
    <Flex vertical gap={12}>
      <Flex gap={24} wrap align="flex-end">
        <Flex vertical>
          <Statistic
            title={t('results.nps')}
            value={data.nps ?? '–'}
            suffix={data.marginOfError !== null ? <small>± {data.marginOfError}</small> : undefined}
          />
          <PeriodChange current={data.nps} previous={previous?.nps} as="difference" digits={1} />
        </Flex>
        <Flex vertical>
          <Statistic title={t('results.npsResponses')} value={data.responses} />
          <PeriodChange current={data.responses} previous={previous?.responses} rising="neutral" />
        </Flex>
        <Flex vertical>
          <Statistic title={t('results.avgCsat')} value={data.avgCsat ?? '–'} />
          <PeriodChange current={data.avgCsat} previous={previous?.avgCsat} as="difference" digits={2} />
        </Flex>
      </Flex>
      <NpsSplit promoters={data.promoters} passives={data.passives} detractors={data.detractors} />
      {data.trend.length > 0 ? <EChart option={option} label={t('results.npsTrend')} height={180} /> : <Typography.Text type="secondary">{t('results.noData')}</Typography.Text>}
    </Flex>
  )
}
