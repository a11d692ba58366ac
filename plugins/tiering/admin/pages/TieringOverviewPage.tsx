import { EChart, PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { getDistribution, getFunnel, type Distribution, type Funnel } from '../api'

const tierColors = ['#8e44ad', '#95a5a6', '#cd7f32', '#5d6d7e']

/** Share of `part` in `whole` as a percentage with one decimal, '–' when there is no whole. */
const percent = (part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–')

/** Tiers, segments, recency statuses and the ladder funnel, each as a chart. */
export default function TieringOverviewPage() {
  const { t, language } = usePluginTranslation('tiering')
  const distribution = useQuery({ queryKey: ['tiering', 'distribution'], queryFn: ({ signal }) => getDistribution(signal) })
  const funnel = useQuery({ queryKey: ['tiering', 'funnel'], queryFn: ({ signal }) => getFunnel(signal) })

  if (distribution.isPending || funnel.isPending) return <PageLoading />
  if (distribution.isError) return <QueryErrorResult error={distribution.error} onRetry={() => void distribution.refetch()} />
  if (funnel.isError) return <QueryErrorResult error={funnel.error} onRetry={() => void funnel.refetch()} />

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('overview.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('overview.customers')} value={distribution.data.total} />
          </Card>
        </Col>
        {distribution.data.tiers.map((tier) => (
          <Col xs={12} md={4} key={tier.key}>
            <Card>
              <Statistic title={language === 'zh-CN' ? tier.label['zh-CN'] : tier.label.en} value={tier.count} suffix={<small>{percent(tier.count, distribution.data.total)}</small>} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('overview.tiers')}>
            <TierChart distribution={distribution.data} language={language} label={t('overview.tiersChart')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.recency')}>
            <CountChart counts={distribution.data.recencyStatuses} labelOf={(key) => t(`recency.${key}`)} label={t('overview.recencyChart')} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('overview.segments')}>
            <CountChart counts={distribution.data.segments} labelOf={(key) => t(`segment.${key}`)} label={t('overview.segmentsChart')} horizontal />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('overview.funnel')}>
            <LadderFunnel funnel={funnel.data} />
          </Card>
        </Col>
      </Row>
    </Flex>
  )
}

function TierChart({ distribution, language, label }: { distribution: Distribution; language: string; label: string }) {
  const option = useMemo(
    () => ({
      color: tierColors,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: distribution.tiers.map((tier) => ({ name: language === 'zh-CN' ? tier.label['zh-CN'] : tier.label.en, value: tier.count })),
        },
      ],
    }),
    [distribution, language],
  )
  return <EChart option={option} label={label} height={280} />
}

function CountChart({ counts, labelOf, label, horizontal = false }: { counts: { key: string; count: number }[]; labelOf: (key: string) => string; label: string; horizontal?: boolean }) {
  const option = useMemo(() => {
    const names = counts.map((c) => labelOf(c.key))
    const category = { type: 'category', data: horizontal ? [...names].reverse() : names }
    const value = { type: 'value' }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 120 : 40, right: 24, top: 16, bottom: 32 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: (horizontal ? [...counts].reverse() : counts).map((c) => c.count), itemStyle: { color: '#1677ff' } }],
    }
  }, [counts, labelOf, horizontal])
  return <EChart option={option} label={label} height={horizontal ? 360 : 280} />
}

function LadderFunnel({ funnel }: { funnel: Funnel }) {
  const { t } = usePluginTranslation('tiering')
  const rows = funnel.steps.map((step, i) => ({ ...step, label: t(`ladder.${step.step}`), previous: i > 0 ? funnel.steps[i - 1]!.reached : undefined }))
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { position: 'inside', formatter: '{b}: {c}' }, data: rows.map((r) => ({ name: r.label, value: r.reached })) }],
    }),
    [rows],
  )
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <EChart option={option} label={t('overview.funnelChart')} height={320} />
      </Col>
      <Col xs={24} lg={12}>
        <Table
          rowKey="step"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('overview.step'), dataIndex: 'label' },
            { title: t('overview.onStep'), dataIndex: 'count', align: 'right' },
            { title: t('overview.reached'), dataIndex: 'reached', align: 'right' },
            { title: t('overview.conversion'), key: 'conversion', align: 'right', render: (_, r) => (r.previous === undefined ? '–' : percent(r.reached, r.previous)) },
          ]}
        />
      </Col>
    </Row>
  )
}
