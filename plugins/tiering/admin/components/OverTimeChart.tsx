import { EChart, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Flex, Radio, Skeleton } from 'antd'
import { useMemo, useState } from 'react'
import { getOverTime, type Dimension, type Interval } from '../api'
import { ladderColors, tierColors } from './tier-colors'

/** How far back each period size looks: 30 days, 26 weeks, 12 months (well under the API's 400 points). */
const LOOK_BACK: Record<Interval, (now: Date) => Date> = {
  day: (now) => new Date(now.getTime() - 30 * 86_400_000),
  week: (now) => new Date(now.getTime() - 26 * 7 * 86_400_000),
  month: (now) => new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate())),
}

/** Customers per tier or ladder step at the end of each day, week or month, as lines. */
export function OverTimeChart() {
  const { t } = usePluginTranslation('tiering')
  const { date } = useFormatters()
  const [interval, chooseInterval] = useState<Interval>('week')
  const [of, setOf] = useState<Dimension>('tier')
  const series = useQuery({
    queryKey: ['tiering', 'over-time', interval, of],
    queryFn: ({ signal }) => {
      const now = new Date()
      return getOverTime({ from: LOOK_BACK[interval](now).toISOString(), to: now.toISOString(), interval, of }, signal)
    },
    placeholderData: keepPreviousData,
  })
  const data = series.data
  const option = useMemo(() => {
    if (!data) return {}
    return {
      color: data.of === 'tier' ? tierColors : ladderColors,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 24, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: data.points.map((p) => date(p.period)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.keys.map((key) => ({ type: 'line', name: t(`${data.of}.${key}`), showSymbol: data.points.length <= 31, data: data.points.map((p) => p.counts[key] ?? 0) })),
    }
  }, [data, t, date])

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap>
        <Radio.Group aria-label={t('overTime.interval')} optionType="button" value={interval} onChange={(e) => chooseInterval(e.target.value as Interval)}
          options={(['day', 'week', 'month'] as const).map((value) => ({ value, label: t(`overTime.${value}`) }))} />
        <Radio.Group aria-label={t('overTime.of')} optionType="button" value={of} onChange={(e) => setOf(e.target.value as Dimension)}
          options={(['tier', 'ladder'] as const).map((value) => ({ value, label: t(`overTime.${value}`) }))} />
      </Flex>
      {series.isError ? <QueryErrorResult error={series.error} onRetry={() => void series.refetch()} />
        : data ? <EChart option={option} label={t(of === 'tier' ? 'overTime.tierChart' : 'overTime.ladderChart')} height={300} />
        : <Skeleton active paragraph={{ rows: 6 }} />}
    </Flex>
  )
}
