import { isApiError, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { formatAmount } from '../components/share-format'
import { getCustomerExplain, getCustomerTiering } from '../customer-api'
import { LadderConditions } from '../explain/LadderConditions'
import { RfmScores } from '../explain/RfmScores'
import { TierHistory } from '../explain/TierHistory'
import { TierReason } from '../explain/TierReason'

/** Why one customer is in their tier, segment, recency status and ladder step, and their tier history. */
export default function CustomerExplainPage() {
  const { id = '' } = useParams<{ id: string }>()
  const { t, language } = usePluginTranslation('tiering')
  const { dateTime, date } = useFormatters()
  const explain = useQuery({ queryKey: ['tiering', 'explain', id], queryFn: ({ signal }) => getCustomerExplain(id, signal), retry: false })
  const customer = useQuery({ queryKey: ['tiering', 'customer', id], queryFn: ({ signal }) => getCustomerTiering(id, signal), retry: false })
  const back = <Link to="/tiering">{t('explain.back')}</Link>

  const failed = [explain, customer].find((q) => q.isError)
  if (failed && isApiError(failed.error, 'TIERING_CUSTOMER_NOT_FOUND')) return <Result status="404" title={id} subTitle={t('explain.notFound')} extra={back} />
  if (failed) return <QueryErrorResult error={failed.error} onRetry={() => void failed.refetch()} />
  if (!explain.data || !customer.data) return <PageLoading />
  const why = explain.data
  const c = customer.data

  return (
    <Flex vertical gap={16}>
      <div>
        {back}
        <Typography.Title level={2}>{t('explain.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          <code>{id}</code>{why.evaluatedAt ? ` · ${t('explain.evaluatedAt', { at: dateTime(why.evaluatedAt) })}` : ''}
        </Typography.Paragraph>
      </div>
      <Card title={t('explain.summary')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('explain.tier')}>
            <span data-testid="explain-tier">{t(`tier.${c.tier ?? 'none'}`)}</span>
            {c.tierSince && <Typography.Text type="secondary"> · {t('explain.since', { date: date(c.tierSince.slice(0, 10)) })}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('explain.segment')}>{c.segment ? t(`segment.${c.segment}`) : '–'}</Descriptions.Item>
          <Descriptions.Item label={t('explain.rfmCode')}>{c.rfmCode ? <Tag color="blue">{c.rfmCode}</Tag> : '–'}</Descriptions.Item>
          <Descriptions.Item label={t('explain.recencyStatus')}>{c.recencyStatus ? t(`recency.${c.recencyStatus}`) : '–'}</Descriptions.Item>
          <Descriptions.Item label={t('explain.ladderStep')}>{t(`ladder.${c.ladder ?? 'none'}`)}</Descriptions.Item>
          <Descriptions.Item label={t('explain.orders')}>{c.orders}</Descriptions.Item>
          <Descriptions.Item label={t('explain.spend')}>{formatAmount(c.spendMinor, language)}</Descriptions.Item>
          <Descriptions.Item label={t('explain.windowSpend')}>{formatAmount(c.windowSpendMinor, language)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('explain.tierWhy')}><TierReason tier={why.tier} /></Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('explain.rfm')}><RfmScores rfm={why.rfm} /></Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('explain.recencyWhy')}>
            <Typography.Paragraph>
              {t(why.recencyStatus.basis === 'ownRhythm' ? 'explain.ownRhythm' : 'explain.absolute', {
                gap: why.recencyStatus.typicalGapDays?.toFixed(1), orders: why.recencyStatus.orders,
                atRisk: Math.round(why.recencyStatus.atRiskAfterDays), hibernating: Math.round(why.recencyStatus.hibernatingAfterDays),
              })}
            </Typography.Paragraph>
            {why.rfm.recency.daysSinceLastOrder !== null && <Typography.Paragraph strong>{t('explain.daysSince', { days: why.rfm.recency.daysSinceLastOrder })}</Typography.Paragraph>}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('explain.history')}><TierHistory history={c.history} /></Card>
        </Col>
        <Col xs={24}>
          <Card title={t('explain.ladder')}><LadderConditions ladder={why.ladder} /></Card>
        </Col>
      </Row>
    </Flex>
  )
}
