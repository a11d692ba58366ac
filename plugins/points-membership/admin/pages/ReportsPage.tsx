import { EChart, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Col, Empty, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { getEarnBurn, getLiability, type EarnBurn } from '../api'

const DAY = 86_400_000
type Bucket = 'day' | 'month'
type Row = EarnBurn['rows'][number]
const ranges: Record<Bucket, { key: string; days: number }[]> = {
  day: [{ key: 'last30', days: 30 }, { key: 'last90', days: 90 }],
  month: [{ key: 'last12m', days: 365 }, { key: 'last24m', days: 730 }],
}
const series = [
  { key: 'earned', color: '#389e0d' }, { key: 'spent', color: '#1677ff' }, { key: 'expired', color: '#8c8c8c' },
  { key: 'revoked', color: '#d4380d' }, { key: 'adjustedDown', color: '#722ed1' },
] as const

/** Every period of the range (UTC days or months), so the chart shows quiet periods as zero. */
function periodsOf(fromIso: string, bucket: Bucket): string[] {
  const out: string[] = []
  const end = new Date()
  const d = new Date(fromIso)
  if (bucket === 'month') d.setUTCDate(1)
  while (d <= end) {
    out.push(d.toISOString().slice(0, bucket === 'day' ? 10 : 7))
    if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1)
    else d.setUTCMonth(d.getUTCMonth() + 1)
  }
  return out
}

/** The liability now, and earned and burned points per day or month as a chart and a table. */
export default function ReportsPage() {
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const [bucket, setBucket] = useState<Bucket>('day')
  const [days, setDays] = useState(30)
  const from = useMemo(() => new Date(Math.floor(Date.now() / DAY) * DAY - (days - 1) * DAY).toISOString(), [days])
  const liability = useQuery({ queryKey: ['points-membership', 'liability'], queryFn: ({ signal }) => getLiability(signal) })
  const earnBurn = useQuery({
    queryKey: ['points-membership', 'earn-burn', bucket, from],
    queryFn: ({ signal }) => getEarnBurn({ from, bucket }, signal),
    placeholderData: keepPreviousData,
  })
  const n = (v: number) => v.toLocaleString(f.language)

  const filled = useMemo(() => {
    const byPeriod = new Map((earnBurn.data?.rows ?? []).map((r) => [r.period, r]))
    return periodsOf(from, bucket).map((period): Row => byPeriod.get(period) ?? { period, earned: 0, spent: 0, expired: 0, revoked: 0, adjustedDown: 0 })
  }, [earnBurn.data, from, bucket])
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: filled.map((r) => r.period) },
      yAxis: { type: 'value' },
      series: series.map((s) => ({
        name: t(`reports.${s.key}`), type: 'bar', stack: s.key === 'earned' ? 'in' : 'out', itemStyle: { color: s.color },
        data: filled.map((r) => r[s.key]),
      })),
    }),
    [filled, t],
  )

  if (liability.isPending) return <PageLoading />
  if (liability.isError) return <QueryErrorResult error={liability.error} onRetry={() => void liability.refetch()} />
  const l = liability.data
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('reports.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        {[
          { key: 'members', span: 3, title: t('reports.members'), value: n(l.members), note: t('reports.activeMembers', { count: l.activeMembers }) },
          { key: 'outstanding', span: 4, title: t('reports.outstanding'), value: n(l.outstandingPoints) },
          { key: 'value', span: 5, title: t('reports.value'), value: f.money(l.valueMinor, l.currency) },
          { key: 'pending', span: 4, title: t('reports.pending'), value: n(l.pendingPoints) },
          { key: 'debt', span: 3, title: t('reports.debt'), value: n(l.debtPoints) },
          { key: 'expiring', span: 5, title: t('reports.expiring', { date: f.date(l.expiringBefore.slice(0, 10)) }), value: n(l.expiringPoints) },
        ].map((s) => (
          <Col xs={12} md={8} xl={s.span} key={s.key}>
            <Card style={{ height: '100%' }}>
              <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 22 } }} />
              {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('reports.earnBurn')}
        extra={
          <Flex gap={8} wrap>
            <Segmented<Bucket>
              aria-label={t('reports.bucket')}
              value={bucket}
              onChange={(b) => { setBucket(b); setDays(ranges[b][0]!.days) }}
              options={[{ value: 'day', label: t('reports.day') }, { value: 'month', label: t('reports.month') }]}
            />
            <Select
              aria-label={t('reports.range')}
              value={days}
              onChange={setDays}
              style={{ width: 160 }}
              options={ranges[bucket].map((r) => ({ value: r.days, label: t(`reports.${r.key}`) }))}
            />
          </Flex>
        }
      >
        {earnBurn.isError ? (
          <QueryErrorResult error={earnBurn.error} onRetry={() => void earnBurn.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <EChart option={option} label={t('reports.earnBurnChart')} height={320} />
            {earnBurn.data && earnBurn.data.rows.length === 0 ? <Empty description={t('reports.noData')} /> : (
              <Table<Row>
                rowKey="period"
                size="small"
                loading={earnBurn.isFetching}
                dataSource={[...(earnBurn.data?.rows ?? [])].reverse()}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                scroll={{ x: 600 }}
                columns={[
                  { title: t('reports.period'), dataIndex: 'period' },
                  ...series.map((s) => ({ title: t(`reports.${s.key}`), dataIndex: s.key, align: 'right' as const, render: (v: number) => n(v) })),
                ]}
              />
            )}
          </Flex>
        )}
      </Card>
    </Flex>
  )
}
