import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import { DateRangeField, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation, type DayRange } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Button, Col, Flex, Row } from 'antd'
import { useId, useMemo, useState } from 'react'
import { useParams } from 'react-router'
import { exportUrl, getDropOff, getInvitationAnalytics, getNps, getQuestions, getScores, type Bucket, type Scope } from '../api/analytics'
import { getSurvey } from '../api/surveys'
import { useSurveyPermissions } from '../api/use-survey-permissions'
import { textIn, type SurveyLocale } from '../builder/localized'
import { questionsOf } from '../builder/survey-document'
import { DropOffCard, ResponseRateCard } from '../results/FunnelCards'
import { NpsCard } from '../results/NpsCard'
import { choiceLabels } from '../results/choice-labels'
import { QuestionSummaries } from '../results/QuestionSummaries'
import { ResponsesTable } from '../results/ResponsesTable'
import { lastDays, todayIn } from '../results/scope'
import { ScoreDistributions } from '../results/ScoreDistributions'
import { BreakdownCard } from '../results/BreakdownCard'
import { PeriodComparisonCard } from '../results/PeriodComparisonCard'
import { TextAnswersCard } from '../results/TextAnswersCard'
import { SurveyHeader } from './SurveyHeader'

/** A survey's results: NPS and trend, CSAT/CES, per-question charts, free text, response rate, drop-off, exports (for roles that may export personal data) and the responses. */
export default function ResultsPage() {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  const { id = '' } = useParams()
  const { timeZone } = useFormatters()
  const rangeId = useId()
  const may = useSurveyPermissions()
  const [range, setRange] = useState<DayRange>(() => { const last = lastDays(todayIn(timeZone), 30); return [last.from, last.to] })
  const [bucket, setBucket] = useState<Bucket>('day')
  const scope: Scope = useMemo(() => ({ surveyId: id, timeZone, from: range[0], to: range[1] }), [id, timeZone, range])
  const key = ['satisfaction-survey', 'analytics', scope]
  const survey = useQuery({ queryKey: ['satisfaction-survey', 'survey', id], queryFn: ({ signal }) => getSurvey(id, signal) })
  const nps = useQuery({ queryKey: [...key, 'nps', bucket], queryFn: ({ signal }) => getNps(scope, bucket, signal) })
  const scores = useQuery({ queryKey: [...key, 'scores'], queryFn: ({ signal }) => getScores(scope, signal) })
  const questions = useQuery({ queryKey: [...key, 'questions'], queryFn: ({ signal }) => getQuestions(scope, signal) })
  const invitations = useQuery({ queryKey: [...key, 'invitations'], queryFn: ({ signal }) => getInvitationAnalytics(scope, signal) })
  const dropOff = useQuery({ queryKey: [...key, 'drop-off'], queryFn: ({ signal }) => getDropOff(scope, signal) })

  if (survey.isPending) return <PageLoading />
  if (survey.isError) return <QueryErrorResult error={survey.error} onRetry={() => void survey.refetch()} />
  const locale: SurveyLocale = language === 'zh-CN' ? 'zh-CN' : 'en'
  const textQuestions = questionsOf(survey.data.json)
    .filter((q) => q.type === 'text' || q.type === 'comment')
    .map((q) => ({ name: q.name, title: textIn(q.title, locale) || q.name }))

  return (
    <Flex vertical gap={16}>
      <SurveyHeader
        survey={survey.data}
        extra={
          <Flex gap={8} wrap align="center">
            <label htmlFor={`${rangeId}-range`}>{t('results.range')}</label>
            <DateRangeField id={`${rangeId}-range`} value={range} max={todayIn(timeZone)} onChange={setRange} />
            {may.exportResponses && (
              <>
                <Button icon={<DownloadOutlined />} href={exportUrl('csv', id)} download>
                  {t('results.exportCsv')}
                </Button>
                <Button icon={<DownloadOutlined />} href={exportUrl('xlsx', id)} download>
                  {t('results.exportXlsx')}
                </Button>
              </>
            )}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <NpsCard query={nps} bucket={bucket} onBucket={setBucket} />
        </Col>
        <Col xs={24} xl={10}>
          <ScoreDistributions query={scores} />
        </Col>
        <Col xs={24}>
          <BreakdownCard scope={scope} />
        </Col>
        <Col xs={24}>
          <PeriodComparisonCard scope={scope} />
        </Col>
        <Col xs={24} xl={12}>
          <ResponseRateCard query={invitations} />
        </Col>
        <Col xs={24} xl={12}>
          <DropOffCard query={dropOff} locale={locale} />
        </Col>
        <Col xs={24}>
          <QuestionSummaries query={questions} labels={choiceLabels(questionsOf(survey.data.json), locale)} />
        </Col>
        <Col xs={24} xl={12}>
          <TextAnswersCard scope={scope} questions={textQuestions} />
        </Col>
        <Col xs={24} xl={12}>
          <ResponsesTable surveyId={id} />
        </Col>
      </Row>
    </Flex>
  )
}
