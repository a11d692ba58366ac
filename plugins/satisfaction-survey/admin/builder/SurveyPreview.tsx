/**
 * @module
 * The live preview: the survey as customers will see it, drawn by survey-react-ui (loaded with
 * this module, only when the builder opens it) in the chosen locale with the brand colour, its
 * markup cleaned as it is drawn. Answers given here stay in the browser.
 */
import { useMemo, type CSSProperties } from 'react'
import { Model } from 'survey-core'
import 'survey-core/i18n/simplified-chinese'
import 'survey-core/survey-core.fontless.css'
import { Survey } from 'survey-react-ui'
import { brandVariables } from '../../customer/src/survey/brand-theme'
import { guardSurveyHtml } from '../../customer/src/survey/guard-survey-html'
import type { SurveyJson } from '../api/surveys'
import { modelLocale, type SurveyLocale } from './localized'

type Props = { json: SurveyJson; locale: SurveyLocale; theme: { brandColor?: string; logoUrl?: string }; completeText: string }

/** Renders `json` with survey-react-ui; a new model whenever the JSON, locale or theme changes. */
export default function SurveyPreview({ json, locale, theme, completeText }: Props) {
  const model = useMemo(() => {
    const survey = guardSurveyHtml(new Model(json))
    survey.locale = modelLocale(locale)
    survey.showProgressBar = true
    survey.progressBarLocation = 'top'
    survey.completedHtml = `<p>${completeText.replace(/[<>&]/g, '')}</p>`
    if (theme.logoUrl) survey.logo = theme.logoUrl
    survey.applyTheme({ cssVariables: brandVariables(theme.brandColor), isPanelless: false })
    return survey
  }, [json, locale, theme, completeText])
  // The fontless stylesheet leaves SurveyJS's font unset; use the admin's own.
  return (
    <div style={{ '--sjs-font-family': 'inherit', fontFamily: 'inherit' } as CSSProperties}>
      <Survey model={model} />
    </div>
  )
}
