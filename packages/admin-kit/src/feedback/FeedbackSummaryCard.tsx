import { InfoCircleOutlined } from '@ant-design/icons'
import { Card, Empty, Flex, List, Statistic, Tag, Tooltip, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart } from '../charts/EChart'

type Sentiment = 'positive' | 'neutral' | 'negative'
type Counts = { positive: number; neutral: number; negative: number }

/** The server's FeedbackSummary (survey comments, complaint texts); kept structural so the kit has no server dependency. */
export type FeedbackSummary = Counts & {
  total: number
  capped: boolean
  themes: (Counts & { theme: string; label: { 'zh-CN': string; en: string }; count: number; examples: { text: string; sentiment: Sentiment }[] })[]
}

const colours: Record<Sentiment, string> = { negative: '#cf1322', neutral: '#8c8c8c', positive: '#389e0d' }
const tagColours: Record<Sentiment, string> = { negative: 'error', neutral: 'default', positive: 'success' }
const order: Sentiment[] = ['negative', 'neutral', 'positive']

/**
 * What customers wrote, read as positive, neutral or negative, and grouped by theme: the shares,
 * a stacked bar per theme and the most negative examples of the three largest themes.
 * @example <FeedbackSummaryCard summary={query.data} loading={query.isFetching} />
 */
export function FeedbackSummaryCard({ title, summary, loading, bordered = true }: { title?: string; summary: FeedbackSummary | undefined; loading?: boolean; bordered?: boolean }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  const themes = summary?.themes ?? []
  const option = useMemo(() => {
    const shown = [...themes].reverse() // ECharts draws the first category at the bottom: largest on top
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((theme) => theme.label[language]) },
      series: order.map((sentiment) => ({
        name: t(`feedback.sentiment.${sentiment}`),
        type: 'bar',
        stack: 'texts',
        itemStyle: { color: colours[sentiment] },
        data: shown.map((theme) => theme[sentiment]),
      })),
    }
  }, [themes, language, t])
  const share = (count: number) => (summary && summary.total > 0 ? Math.round((count / summary.total) * 100) : 0)
  const heading = (
    <Flex gap={8} align="center">
      <span>{title ?? t('feedback.title')}</span>
      <Tooltip title={t('feedback.method')}>
        <InfoCircleOutlined aria-label={t('feedback.methodLabel')} />
      </Tooltip>
    </Flex>
  )
  const body = !summary || summary.total === 0 ? (
    <Empty description={t('feedback.empty')} />
  ) : (
    <Flex vertical gap={16}>
      <Flex gap={24} wrap>
        <Statistic title={t('feedback.total')} value={summary.total} />
        {order.map((sentiment) => (
          <Statistic key={sentiment} title={t(`feedback.sentiment.${sentiment}`)} value={share(summary[sentiment])} suffix="%" valueStyle={{ color: colours[sentiment] }} />
        ))}
      </Flex>
      {summary.capped && <Typography.Text type="secondary">{t('feedback.capped', { count: summary.total })}</Typography.Text>}
      {themes.length > 0 && <EChart label={t('feedback.chart')} option={option} height={Math.max(160, 40 + themes.length * 32)} />}
      {themes.slice(0, 3).map((theme) => (
        <Flex key={theme.theme} vertical gap={4}>
          <Typography.Text strong>{t('feedback.examplesOf', { theme: theme.label[language], count: theme.count })}</Typography.Text>
          <List
            size="small"
            dataSource={theme.examples}
            renderItem={(example) => (
              <List.Item>
                <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
                  <Tag color={tagColours[example.sentiment]}>{t(`feedback.sentiment.${example.sentiment}`)}</Tag>
                  <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{example.text}</span>
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      ))}
    </Flex>
  )
  return bordered ? (
    <Card title={heading} loading={loading && !summary}>
      {body}
    </Card>
  ) : (
    <Flex vertical gap={12}>
      <Typography.Text strong>{heading}</Typography.Text>
      {body}
    </Flex>
  )
}
