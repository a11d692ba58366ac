import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import type { UseQueryResult } from '@tanstack/react-query'
import { Flex, Statistic } from 'antd'
import type { DropOff, InvitationAnalytics } from '../api/analytics'
import { textIn, type SurveyLocale } from '../builder/localized'
import { QueryCard } from './QueryCard'

const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`)

/** Invitations created → opened → completed, with the open and response rates. */
export function ResponseRateCard({ query }: { query: UseQueryResult<InvitationAnalytics> }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  return (
    <QueryCard title={t('results.responseRate')} query={query}>
      {(data) => {
        const opened = data.openRate === null ? 0 : Math.round(data.openRate * data.total)
        const option = {
          tooltip: { trigger: 'item' },
          series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { position: 'inside', formatter: '{b}: {c}' }, data: [
            { name: t('results.funnelSent'), value: data.total },
            { name: t('results.funnelOpened'), value: opened },
            { name: t('results.funnelCompleted'), value: data.counts.completed ?? 0 },
          ] }],
        }
        return (
          <Flex vertical gap={12}>
            <Flex gap={32} wrap>
              <Statistic title={t('results.invitationsSent')} value={data.total} />
              <Statistic title={t('results.openRate')} value={percent(data.openRate)} />
              <Statistic title={t('results.responseRate')} value={percent(data.responseRate)} />
            </Flex>
            <EChart option={option} label={t('results.funnelChart')} height={220} />
          </Flex>
        )
      }}
    </QueryCard>
  )
}

/** Where customers stopped: partial responses by their last answered question. */
export function DropOffCard({ query, locale }: { query: UseQueryResult<DropOff>; locale: SurveyLocale }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  return (
    <QueryCard title={t('results.dropOff')} query={query}>
      {(data) => {
        const names = data.questions.map((q) => textIn(q.title, locale) || q.name)
        const option = {
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0 },
          grid: { left: 120, right: 16, top: 12, bottom: 40 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: [...names].reverse() },
          series: [
            { type: 'bar', name: t('results.answeredSeries'), data: data.questions.map((q) => q.answered).reverse(), itemStyle: { color: '#91caff' } },
            { type: 'bar', name: t('results.stoppedSeries'), data: data.questions.map((q) => q.stoppedAfter).reverse(), itemStyle: { color: '#ff7875' } },
          ],
        }
        return (
          <Flex vertical gap={12}>
            <Flex gap={32} wrap>
              <Statistic title={t('results.started')} value={data.started} />
              <Statistic title={t('results.completed')} value={data.completed} />
              <Statistic title={t('results.partial')} value={data.partial} />
              <Statistic title={t('results.noAnswer')} value={data.noAnswer} />
            </Flex>
            <EChart option={option} label={t('results.dropOffChart')} height={Math.max(180, 40 * names.length + 60)} />
          </Flex>
        )
      }}
    </QueryCard>
  )
}
