import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import type { UseQueryResult } from '@tanstack/react-query'
import { Col, Row, Statistic } from 'antd'
import { useMemo } from 'react'
import type { ScoresAnalytics, ScoreSummary } from '../api/analytics'
import { SmallSampleNote } from './SmallSampleNote'
import { QueryCard } from './QueryCard'

/** CSAT (1–5) and CES (1–7) distributions with their averages. */
export function ScoreDistributions({ query }: { query: UseQueryResult<ScoresAnalytics> }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  return (
    <QueryCard title={t('results.scores')} query={query}>
      {(data) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Distribution kind="csat" summary={data.csat} />
          </Col>
          <Col xs={24} md={12}>
            <Distribution kind="ces" summary={data.ces} />
          </Col>
        </Row>
      )}
    </QueryCard>
  )
}

function Distribution({ kind, summary }: { kind: 'csat' | 'ces'; summary: ScoreSummary }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 12, bottom: 28 },
      xAxis: { type: 'category', data: summary.distribution.map((d) => String(d.score)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: summary.distribution.map((d) => d.count), itemStyle: { color: kind === 'csat' ? '#13a8a8' : '#722ed1' } }],
    }),
    [summary, kind],
  )
  return (
    <>
      <Statistic title={t(`results.avg_${kind}`)} value={summary.average ?? '–'} suffix={<small>({t('results.responsesCount', { count: summary.responses })})</small>} />
      <SmallSampleNote n={summary.responses} />
      <EChart option={option} label={t(`results.dist_${kind}`)} height={200} />
    </>
  )
}
