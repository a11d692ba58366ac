import { CustomerName, DateRangeField, EChart, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Col, Empty, Flex, Form, Row, Skeleton, Statistic, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { type Analytics, getAnalytics } from '../api'
import { paths } from '../components/paths'
import { ComplaintTextsCard } from '../components/ComplaintTextsCard'
import { SlaBreakdownCard } from '../components/SlaBreakdownCard'
import { useComplaintLabels } from '../components/use-complaint-labels'

const ymd = (d: Date) => d.toISOString().slice(0, 10)
const nextDay = (day: string) => ymd(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000))
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** Complaint reports over a date range: volume, categories, SLA hit rate, times, reopen rate, CSAT, repeat complainers. */
export default function AnalyticsPage() {
  const { t } = usePluginTranslation('complaint-tracking')
  const [from, setFrom] = useState(() => ymd(new Date(Date.now() - 29 * 86_400_000)))
  const [to, setTo] = useState(() => ymd(new Date()))
  const valid = Boolean(from && to) && from <= to
  const stats = useQuery({
    queryKey: ['complaint-tracking', 'analytics', from, to],
    queryFn: ({ signal }) => getAnalytics({ from, to: nextDay(to) }, signal),
    enabled: valid, placeholderData: keepPreviousData,
  })
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>{t('analytics.title')}</Typography.Title>
      <Card>
        <Form layout="inline" name="complaint-analytics-range">
          <Form.Item label={`${t('analytics.from')} – ${t('analytics.to')}`} htmlFor="complaint-analytics-from">
            <DateRangeField id="complaint-analytics-from" value={[from, to]} onChange={([f, l]) => { setFrom(f); setTo(l) }} />
          </Form.Item>
        </Form>
      </Card>
      {stats.isError ? <QueryErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
        : !stats.data ? <Skeleton active paragraph={{ rows: 8 }} />
        : <Figures data={stats.data} />}
      {valid && <SlaBreakdownCard from={from} to={to} />}
      {valid && <ComplaintTextsCard range={{ from, to: nextDay(to) }} />}
    </Flex>
  )
}

function Figures({ data }: { data: Analytics }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { category: labelOf } = useComplaintLabels()
  const volume = useMemo(() => {
    const days = [...new Set(data.volume.map((v) => v.day))].sort()
    const categories = [...new Set(data.volume.map((v) => v.category))].sort()
    return {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: categories.map((c) => ({
        name: labelOf(c), type: 'bar', stack: 'all',
        data: days.map((d) => data.volume.filter((v) => v.day === d && v.category === c).reduce((a, v) => a + v.count, 0)),
      })),
    }
  }, [data, labelOf])
  const byCategory = useMemo(() => ({
    tooltip: {}, grid: { left: 120, right: 16, top: 8, bottom: 24 },
    yAxis: { type: 'category', data: data.byCategory.map((c) => labelOf(String(c.category))) }, xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.byCategory.map((c) => c.count), itemStyle: { color: '#1677ff' } }],
  }), [data, labelOf])
  const sla = useMemo(() => ({
    tooltip: {}, grid: { left: 40, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'category', data: data.slaHitRate.map((s) => t(`target.${s.target}`)) }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', data: data.slaHitRate.map((s) => (s.rate === null ? 0 : Math.round(s.rate * 1000) / 10)), itemStyle: { color: '#389e0d' } }],
  }), [data, t])
  if (data.byCategory.length === 0 && data.slaHitRate.length === 0) return <Card><Empty description={t('analytics.empty')} /></Card>
  const times = [
    { key: 'firstResponse', label: t('analytics.firstResponse'), ...data.firstResponseMinutes },
    { key: 'resolution', label: t('analytics.resolution'), ...data.resolutionMinutes },
  ]
  const round = (n: number | null) => (n === null ? '—' : Math.round(n))
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}><Card><Statistic title={t('analytics.reopenRate')} value={percent(data.reopenRate.rate)} /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title={t('analytics.csat')} value={data.csatAfterResolution.mean === null ? '—' : data.csatAfterResolution.mean.toFixed(2)} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analytics.csatCount', { count: data.csatAfterResolution.count })}</Typography.Text>} /></Card></Col>
      <Col xs={24} md={12}><Card><Statistic title={t('analytics.repeat')} value={data.repeatComplainers.customers} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analytics.repeatCount', { count: data.repeatComplainers.customers })}</Typography.Text>} />
        {/* A flex row, not a line of text: a link standing alone needs no underline to be told apart. */}
        {data.repeatComplainers.top.slice(0, 5).map((r) => <Flex key={r.customerId} gap={4}><CustomerName id={r.customerId} /><span>· {r.cases}</span></Flex>)}
      </Card></Col>
      <Col xs={24}><Card title={t('analytics.volume')}><EChart option={volume} label={t('analytics.volumeChart')} height={300} /></Card></Col>
      <Col xs={24} lg={12}><Card title={t('analytics.byCategory')}><EChart option={byCategory} label={t('analytics.byCategoryChart')} height={280} /></Card></Col>
      <Col xs={24} lg={12}><Card title={t('analytics.slaHitRate')}>
        <EChart option={sla} label={t('analytics.slaChart')} height={220} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {data.slaHitRate.map((s) => `${t(`target.${s.target}`)} ${percent(s.rate)} (${s.met}/${s.total})`).join(' · ')}
        </Typography.Paragraph>
      </Card></Col>
      <Col xs={24}><Card title={t('analytics.times')}>
        <Table size="small" pagination={false} rowKey="key" dataSource={times} columns={[
          { title: '', dataIndex: 'label' },
          { title: t('analytics.count'), dataIndex: 'count' },
          { title: t('analytics.mean'), dataIndex: 'mean', render: round },
          { title: t('analytics.p50'), dataIndex: 'p50', render: round },
          { title: t('analytics.p90'), dataIndex: 'p90', render: round },
        ]} />
      </Card></Col>
    </Row>
  )
}
