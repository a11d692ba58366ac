import { CustomerName, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation, useProfileFieldLabels } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd'
import { lazy, Suspense } from 'react'
import { Link, useParams } from 'react-router'
import { getResponse } from '../api/responses'
import { getVersion } from '../api/surveys'
import type { SurveyLocale } from '../builder/localized'
import { surveyPaths } from './paths'

const AnswersView = lazy(() => import('../results/AnswersView'))

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

/** One response: its answers read-only on the version answered, scores, hidden fields and the profile snapshot. */
export default function ResponseDetailPage() {
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const { responseId = '' } = useParams()
  const response = useQuery({ queryKey: ['satisfaction-survey', 'response', responseId], queryFn: ({ signal }) => getResponse(responseId, signal) })
  const r = response.data
  const version = useQuery({
    queryKey: ['satisfaction-survey', 'version', r?.surveyId, r?.version],
    queryFn: ({ signal }) => getVersion(r!.surveyId, r!.version, signal),
    enabled: !!r,
  })
  if (response.isPending) return <PageLoading />
  if (response.isError) return <QueryErrorResult error={response.error} onRetry={() => void response.refetch()} />
  const data = response.data
  const locale: SurveyLocale = data.locale === 'zh-CN' ? 'zh-CN' : 'en'
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to={surveyPaths.results(data.surveyId)}>← {t('response.back')}</Link>
        <Typography.Title level={2} style={{ margin: '8px 0' }}>
          {t('response.title')}
        </Typography.Title>
      </div>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'id', label: t('response.id'), children: <Typography.Text copyable>{data.id}</Typography.Text> },
            { key: 'customer', label: t('results.customer'), children: data.customerId ? <CustomerName id={data.customerId} /> : t('results.anonymous') },
            { key: 'channel', label: t('results.channel'), children: <Tag>{t(`channel.${data.channel}`, { defaultValue: data.channel })}</Tag> },
            { key: 'version', label: t('distribution.version'), children: data.version },
            { key: 'locale', label: t('distribution.locale'), children: t(`locale.${data.locale}`, { defaultValue: data.locale }) },
            { key: 'completed', label: t('results.completedAt'), children: data.completedAt ? format.dateTime(data.completedAt) : t('response.partial') },
            { key: 'nps', label: 'NPS', children: data.scores.nps ?? '–' },
            { key: 'csat', label: 'CSAT', children: data.scores.csat ?? '–' },
            { key: 'ces', label: 'CES', children: data.scores.ces ?? '–' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('response.answers')} styles={{ body: { padding: 0 } }}>
            {version.isError ? (
              <QueryErrorResult error={version.error} />
            ) : !version.data ? (
              <Skeleton active style={{ padding: 16 }} />
            ) : (
              <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>
                <AnswersView json={version.data.json} answers={data.answers} locale={locale} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('response.hidden')}>
              <KeyValues values={data.hidden} />
            </Card>
            <Card title={t('response.snapshot')}>
              <Typography.Paragraph type="secondary">{t('response.snapshotHint')}</Typography.Paragraph>
              <KeyValues values={data.profileSnapshot} profile />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}

/** Hidden fields as stored; profile fields by their labels and value labels (价值等级：金钻), in the page's language. */
function KeyValues({ values, profile = false }: { values: Record<string, unknown>; profile?: boolean }) {
  const fields = useProfileFieldLabels()
  const entries = Object.entries(values)
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  const label = (key: string) => (profile && fields.known(key) ? fields.label(key) : <code>{key}</code>)
  const value = (key: string, v: unknown) => (profile ? (fields.valueLabel(key, v) ?? show(v)) : show(v))
  return <Descriptions size="small" column={1} bordered items={entries.map(([key, v]) => ({ key, label: label(key), children: value(key, v) }))} />
}
