import { PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Col, Flex, Popconfirm, Row, Tabs, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { getSurvey, publishSurvey, updateSurvey, type Survey } from '../api/surveys'
import { DefinitionIssues } from '../builder/DefinitionIssues'
import { draftOf, withQuestion, withoutQuestion, withScoreMark, type Draft } from '../builder/draft'
import { JsonView } from '../builder/JsonView'
import { PreviewPane } from '../builder/PreviewPane'
import { QuestionEditor } from '../builder/QuestionEditor'
import { QuestionList } from '../builder/QuestionList'
import { newQuestion, type ScoreKind } from '../builder/question-types'
import { LimitsSettings } from '../builder/LimitsSettings'
import { SurveySettings } from '../builder/SurveySettings'
import { moved, otherPageCount, questionsOf, withQuestions } from '../builder/survey-document'
import { VersionsPanel } from '../builder/VersionsPanel'
import { SurveyHeader } from './SurveyHeader'
import { useSurveyPermissions } from '../api/use-survey-permissions'

/** The survey builder: questions, settings, JSON and published versions beside a live preview. */
export default function SurveyBuilderPage() {
  const { id = '' } = useParams()
  const survey = useQuery({ queryKey: ['satisfaction-survey', 'survey', id], queryFn: ({ signal }) => getSurvey(id, signal) })
  if (survey.isPending) return <PageLoading />
  if (survey.isError) return <QueryErrorResult error={survey.error} onRetry={() => void survey.refetch()} />
  return <Builder survey={survey.data} />
}

function Builder({ survey }: { survey: Survey }) {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey))
  const [saved, setSaved] = useState<Draft>(() => draftOf(survey))
  const [selected, setSelected] = useState<number>()
  const may = useSurveyPermissions()
  const archived = survey.status === 'archived'
  // Archived surveys, and roles the server does not let edit, see the builder read-only.
  const readOnly = archived || !may.edit
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const stored = (next: Survey) => {
    queryClient.setQueryData(['satisfaction-survey', 'survey', survey.id], next)
    void queryClient.invalidateQueries({ queryKey: ['satisfaction-survey', 'surveys'] })
    setSaved(draftOf(next))
    setDraft(draftOf(next))
  }
  const body = () => ({ name: draft.name, json: draft.json, locales: draft.locales, defaultLocale: draft.defaultLocale, theme: draft.theme, scores: draft.scores })
  const save = useMutation({
    mutationFn: () => updateSurvey(survey.id, body()),
    onSuccess: (next) => { stored(next); void message.success(t('builder.saved')) },
  })
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) stored(await updateSurvey(survey.id, body()))
      const version = await publishSurvey(survey.id)
      stored(await getSurvey(survey.id))
      return version
    },
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['satisfaction-survey', 'versions', survey.id] })
      void message.success(t('builder.published', { version: version.version }))
    },
  })
  const failure = save.error ?? publish.error

  const questions = questionsOf(draft.json)
  // Question titles in the list read in the admin's language when the survey offers it.
  const listLocale = draft.locales.find((l) => l === language) ?? draft.defaultLocale
  const scoreOf = (name: string) => (Object.entries(draft.scores).find(([, q]) => q === name)?.[0] as ScoreKind | undefined)
  const current = selected !== undefined ? questions[selected] : undefined
  const editor = current && !readOnly && (
    <QuestionEditor
      question={current}
      earlier={questions.slice(0, selected)}
      locales={draft.locales}
      scoreKind={scoreOf(current.name)}
      onChange={(q) => setDraft((d) => withQuestion(d, selected!, q))}
      onScoreKind={(kind) => setDraft((d) => withScoreMark(d, current.name, kind))}
    />
  )
  const actions = !readOnly && (
    <Flex gap={8} align="center" wrap>
      {dirty && <Typography.Text type="warning">{t('builder.unsaved')}</Typography.Text>}
      <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
        {t('builder.saveDraft')}
      </Button>
      {may.publish && <Popconfirm title={t('builder.publishConfirm', { version: (survey.latestVersion ?? 0) + 1 })} okText={t('builder.publish')} cancelText={t('common.cancel')} onConfirm={() => publish.mutateAsync().catch(() => undefined)}>
        <Button type="primary" loading={publish.isPending} disabled={!dirty && survey.latestVersion !== null && !survey.draftChanged}>
          {t('builder.publish')}
        </Button>
      </Popconfirm>}
    </Flex>
  )

  return (
    <Flex vertical gap={12}>
      <SurveyHeader survey={survey} extra={actions} />
      {archived && <Alert type="info" showIcon message={t('builder.archivedReadOnly')} />}
      {!archived && readOnly && <Alert type="info" showIcon message={t('builder.roleReadOnly')} />}
      {!readOnly && survey.latestVersion !== null && <Alert type="info" showIcon message={t('builder.draftExplained', { version: survey.latestVersion, next: survey.latestVersion + 1 })} />}
      {failure && <DefinitionIssues error={failure} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Tabs
            items={[
              {
                key: 'questions',
                label: t('builder.tabQuestions'),
                children: (
                  <Flex vertical gap={8}>
                    {otherPageCount(draft.json) > 0 && <Alert type="warning" showIcon message={t('builder.otherPages', { count: otherPageCount(draft.json) })} />}
                    <QuestionList
                      questions={questions}
                      locale={listLocale}
                      selected={selected}
                      scoreOf={scoreOf}
                      readOnly={readOnly}
                      onSelect={setSelected}
                      onMove={(from, to) => {
                        setDraft((d) => ({ ...d, json: withQuestions(d.json, moved(questionsOf(d.json), from, to)) }))
                        if (selected === from) setSelected(to)
                      }}
                      onDelete={(index) => {
                        setDraft((d) => withoutQuestion(d, index))
                        setSelected(undefined)
                      }}
                      onAdd={(type) => {
                        setDraft((d) => ({ ...d, json: withQuestions(d.json, [...questionsOf(d.json), newQuestion(type, questionsOf(d.json).map((q) => q.name))]) }))
                        setSelected(questions.length)
                      }}
                      editor={editor}
                    />
                  </Flex>
                ),
              },
              { key: 'settings', label: t('builder.tabSettings'), children: <Flex vertical gap={16}><SurveySettings draft={draft} readOnly={readOnly} onChange={setDraft} /><LimitsSettings surveyId={survey.id} draft={draft} /></Flex> },
              { key: 'json', label: t('builder.tabJson'), children: <JsonView json={draft.json} readOnly={readOnly} onApply={(json) => setDraft((d) => ({ ...d, json }))} /> },
              { key: 'versions', label: t('builder.tabVersions'), children: <VersionsPanel surveyId={survey.id} /> },
            ]}
          />
        </Col>
        <Col xs={24} xl={11}>
          <PreviewPane json={draft.json} locales={draft.locales} theme={draft.theme} />
        </Col>
      </Row>
    </Flex>
  )
}
