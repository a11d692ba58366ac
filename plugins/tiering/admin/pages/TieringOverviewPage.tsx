import { PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd'
import { getDistribution, getFunnel, getRfmGrid, getSegmentSizes } from '../api'
import { CountChart } from '../components/CountChart'
import { CustomerLookup } from '../components/CustomerLookup'
import { LadderFunnel } from '../components/LadderFunnel'
import { OverTimeChart } from '../components/OverTimeChart'
import { RfmHeatmap } from '../components/RfmHeatmap'
import { SegmentTable } from '../components/SegmentTable'
import { percent } from '../components/share-format'
import { TierChart } from '../components/TierChart'

/** Tiers, recency, segments (sizes, revenue share, R × F grid), the ladder funnel and tiers over time. */
export default function TieringOverviewPage() {
  const { t, language } = usePluginTranslation('tiering')
  const distribution = useQuery({ queryKey: ['tiering', 'distribution'], queryFn: ({ signal }) => getDistribution(signal) })
  const funnel = useQuery({ queryKey: ['tiering', 'funnel'], queryFn: ({ signal }) => getFunnel(signal) })
  const segments = useQuery({ queryKey: ['tiering', 'segments'], queryFn: ({ signal }) => getSegmentSizes(signal) })
  const grid = useQuery({ queryKey: ['tiering', 'rfm-grid'], queryFn: ({ signal }) => getRfmGrid(signal) })

  const failed = [distribution, funnel, segments, grid].find((q) => q.isError)
  if (failed) return <QueryErrorResult error={failed.error} onRetry={() => void failed.refetch()} />
  if (!distribution.data || !funnel.data || !segments.data || !grid.data) return <PageLoading />

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
          <Card title={t('overTime.title')}>
            <OverTimeChart />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('overview.segments')}>
            <CountChart counts={distribution.data.segments} labelOf={(key) => t(`segment.${key}`)} label={t('overview.segmentsChart')} horizontal />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('segmentTable.title')}>
            <SegmentTable sizes={segments.data} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('rfmGrid.title')}>
            <Typography.Paragraph type="secondary">{t('rfmGrid.intro')}</Typography.Paragraph>
            <RfmHeatmap grid={grid.data} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('overview.funnel')}>
            <LadderFunnel funnel={funnel.data} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('lookup.title')}>
            <CustomerLookup />
          </Card>
        </Col>
      </Row>
    </Flex>
  )
}
