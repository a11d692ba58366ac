import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import type { UseQueryResult } from '@tanstack/react-query'
import { Flex, Segmented, Statistic } from 'antd'
import { useMemo } from 'react'
import type { Bucket, NpsAnalytics } from '../api/analytics'
import { NpsSplit } from './NpsSplit'
import { SMALL_SAMPLE, SmallSampleNote } from './SmallSampleNote'
import { QueryCard } from './QueryCard'

/** NPS with its margin of error, the split, and the trend by day, week or month. */
export function NpsCard({ query, bucket, onBucket }: { query: UseQueryResult<NpsAnalytics>; bucket: Bucket; onBucket: (b: Bucket) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  return (
    <QueryCard
      title={t('results.nps')}
      query={query}
      extra={
        <Segmented<Bucket>
          aria-label={t('results.bucket')}
          value={bucket}
          onChange={onBucket}
          options={(['day', 'week', 'month'] as const).map((b) => ({ value: b, label: t(`results.bucket_${b}`) }))}
        />
      }
    >
      {(data) => <NpsBody data={data} />}
    </QueryCard>
  )
}

function NpsBody({ data }: { data: NpsAnalytics }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 44, right: 44, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: data.trend.map((p) => p.period) },
      yAxis: [
        { type: 'value', min: -100, max: 100, name: 'NPS' },
        { type: 'value', name: t('results.responses'), splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('results.responses'), yAxisIndex: 1, data: data.trend.map((p) => p.responses), itemStyle: { color: '#bae0ff' } },
        { type: 'line', name: 'NPS', connectNulls: true, data: data.trend.map((p) => p.nps), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [data, t],
  )
  const o = data.overall
  return (
    <Flex vertical gap={12}>
      <Flex gap={32} wrap>
        {/* A margin of error from a handful of answers means nothing: the warning says so instead. */}
        <Statistic title={t('results.nps')} value={o.nps ?? '–'} suffix={o.marginOfError !== null && o.responses >= SMALL_SAMPLE ? <small>± {o.marginOfError}</small> : undefined} />
        <Statistic title={t('results.npsResponses')} value={o.responses} />
      </Flex>
      <SmallSampleNote n={o.responses} />
      <NpsSplit promoters={o.promoters} passives={o.passives} detractors={o.detractors} />
      <EChart option={option} label={t('results.npsTrend')} height={260} />
    </Flex>
  )
}
