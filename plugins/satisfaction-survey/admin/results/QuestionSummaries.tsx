import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import type { UseQueryResult } from '@tanstack/react-query'
import { Card, Col, Empty, Row, Typography } from 'antd'
import { useMemo } from 'react'
import type { QuestionsAnalytics, QuestionSummary } from '../api/analytics'
import { textIn, type SurveyLocale } from '../builder/localized'
import type { ChoiceLabels } from './choice-labels'
import { QueryCard } from './QueryCard'

type EChartsCoreOption = Parameters<typeof EChart>[0]['option']

const bars = (labels: string[], values: number[], horizontal = false): EChartsCoreOption => {
  const category = { type: 'category', data: horizontal ? [...labels].reverse() : labels }
  const value = { type: 'value', minInterval: 1 }
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 110 : 36, right: 16, top: 12, bottom: 28 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', data: horizontal ? [...values].reverse() : values, itemStyle: { color: '#1677ff' } }],
  }
}

/** The chart option of one question's summary, or undefined for questions read as text. */
function optionOf(q: QuestionSummary, label: (v: unknown) => string): EChartsCoreOption | undefined {
  if (q.choices) return bars(q.choices.map((c) => label(c.value)), q.choices.map((c) => c.count), true)
  if (q.histogram) return bars(q.histogram.map((h) => String(h.value)), q.histogram.map((h) => h.count))
  if (q.counts) return bars(['true', 'false'].map(label), [q.counts.true, q.counts.false])
  if (q.ranking) return bars(q.ranking.map((r) => label(r.value)), q.ranking.map((r) => r.averagePosition), true)
  if (q.cells) {
    const rows = [...new Set(q.cells.map((c) => c.row))]
    const columns = [...new Set(q.cells.map((c) => c.column))]
    return {
      tooltip: { position: 'top' },
      grid: { left: 90, right: 16, top: 12, bottom: 60 },
      xAxis: { type: 'category', data: columns.map(label) },
      yAxis: { type: 'category', data: rows.map(label) },
      visualMap: { min: 0, max: Math.max(1, ...q.cells.map((c) => c.count)), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80 },
      series: [{ type: 'heatmap', label: { show: true }, data: q.cells.map((c) => [columns.indexOf(c.column), rows.indexOf(c.row), c.count]) }],
    }
  }
  return undefined
}

/** Every question of the version with its chart: choices, rating histograms, yes/no, ranking, matrix heatmap. */
export function QuestionSummaries({ query, labels }: { query: UseQueryResult<QuestionsAnalytics>; labels: ChoiceLabels }) {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  const locale: SurveyLocale = language === 'zh-CN' ? 'zh-CN' : 'en'
  return (
    <QueryCard title={t('results.questions')} query={query}>
      {(data) =>
        data.questions.length === 0 ? (
          <Empty description={t('results.noData')} />
        ) : (
          <Row gutter={[16, 16]}>
            {data.questions.map((q) => (
              <Col xs={24} lg={12} key={q.name}>
                <QuestionChart question={q} title={textIn(q.title, locale) || q.name} labels={labels.get(q.name)} />
              </Col>
            ))}
          </Row>
        )
      }
    </QueryCard>
  )
}

function QuestionChart({ question, title, labels }: { question: QuestionSummary; title: string; labels: ReadonlyMap<string, string> | undefined }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const label = (v: unknown) => (v === 'true' || v === true ? t('results.yes') : v === 'false' || v === false ? t('results.no') : (labels?.get(String(v)) ?? String(v)))
  const option = useMemo(() => optionOf(question, label), [question, labels, t])
  return (
    <Card size="small" type="inner" title={title} extra={<Typography.Text type="secondary">{t('results.answered', { count: question.answered })}</Typography.Text>}>
      {question.average !== undefined && question.average !== null && <Typography.Paragraph>{t('results.average', { value: question.average })}</Typography.Paragraph>}
      {option ? <EChart option={option} label={t('results.questionChart', { title })} height={question.cells ? 260 : 200} /> : <Typography.Text type="secondary">{t('results.readAsText')}</Typography.Text>}
    </Card>
  )
}
