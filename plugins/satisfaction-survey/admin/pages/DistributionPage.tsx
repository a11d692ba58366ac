import { PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Col, Flex, Row } from 'antd'
import { useParams } from 'react-router'
import { getSurvey } from '../api/surveys'
import { CustomerLinkCard } from '../distribution/CustomerLinkCard'
import { InvitationsTable } from '../distribution/InvitationsTable'
import { PublicLinkCard } from '../distribution/PublicLinkCard'
import { TriggersCard } from '../distribution/TriggersCard'
import { SurveyHeader } from './SurveyHeader'
import { useSurveyPermissions } from '../api/use-survey-permissions'

/** How a survey reaches customers: signed customer links, invitations, the public link and embed code, triggers. */
export default function DistributionPage() {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { id = '' } = useParams()
  const may = useSurveyPermissions()
  const survey = useQuery({ queryKey: ['satisfaction-survey', 'survey', id], queryFn: ({ signal }) => getSurvey(id, signal) })
  if (survey.isPending) return <PageLoading />
  if (survey.isError) return <QueryErrorResult error={survey.error} onRetry={() => void survey.refetch()} />
  const s = survey.data
  return (
    <Flex vertical gap={16}>
      <SurveyHeader survey={s} />
      {s.latestVersion === null && <Alert type="warning" showIcon message={t('distribution.notPublished')} />}
      {s.status === 'archived' && <Alert type="info" showIcon message={t('distribution.archived')} />}
      <Row gutter={[16, 16]}>
        {may.invite && s.latestVersion !== null && s.status !== 'archived' && (
          <Col xs={24} xl={12}>
            <CustomerLinkCard survey={s} />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <PublicLinkCard key={`${s.updatedAt}-public`} survey={s} />
            <TriggersCard key={`${s.updatedAt}-triggers`} survey={s} />
          </Flex>
        </Col>
        <Col xs={24}>
          <InvitationsTable surveyId={s.id} />
        </Col>
      </Row>
    </Flex>
  )
}
