/**
 * @module
 * A response's answers drawn read-only by survey-react-ui over the version the customer answered
 * (loaded with this module, only on the response page). The answers are the customer's: markup
 * they typed and the survey shows through `{question}` is cleaned before it is drawn.
 */
import { useMemo, type CSSProperties } from 'react'
import { Model } from 'survey-core'
import 'survey-core/i18n/simplified-chinese'
import 'survey-core/survey-core.fontless.css'
import { Survey } from 'survey-react-ui'
import type { SurveyJson } from '../api/surveys'
import { guardSurveyHtml } from '../../customer/src/survey/guard-survey-html'
import { modelLocale, type SurveyLocale } from '../builder/localized'

/** The survey in display mode with `answers` filled in, every page on one. */
export default function AnswersView({ json, answers, locale }: { json: SurveyJson; answers: Record<string, unknown>; locale: SurveyLocale }) {
  const model = useMemo(() => {
    const survey = guardSurveyHtml(new Model(json))
    survey.locale = modelLocale(locale)
    survey.mode = 'display'
    survey.questionsOnPageMode = 'singlePage'
    survey.showCompletedPage = false
    survey.data = answers
    return survey
  }, [json, answers, locale])
  // The fontless stylesheet leaves SurveyJS's font unset; use the admin's own.
  return (
    <div style={{ '--sjs-font-family': 'inherit', fontFamily: 'inherit' } as CSSProperties}>
      <Survey model={model} />
    </div>
  )
}
