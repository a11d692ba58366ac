/**
 * The survey itself (survey-core and survey-react-ui, loaded after the first API answer): the
 * pinned version's JSON in the customer's language, the brand's colours, progress, answers saved
 * as the customer goes and resumed, and completion with the server's refusals shown on the
 * questions it named.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Model } from 'survey-core'
import 'survey-core/i18n/simplified-chinese'
import 'survey-core/survey-core.fontless.css'
import { Survey } from 'survey-react-ui'
import { complete, savePartial, SurveyApiError, type SurveyForm, type SurveyTarget } from '../api/survey-api'
import { pageLocaleOf, t } from '../i18n/messages'
import { useProof } from '../proof/use-proof'
import { brandVariables } from './brand-theme'
import { guardSurveyHtml } from './guard-survey-html'
import { createPartialSaver, type SaveState } from './partial-saver'
import { showRefusal } from './show-refusal'

/** Refusals that end the page (the link cannot take answers any more). */
const FATAL = new Set(['SURVEY_INVITATION_EXPIRED', 'LINK_EXPIRED', 'LINK_INVALID', 'LINK_USED', 'SURVEY_CLOSED', 'SURVEY_CAP_REACHED', 'SURVEY_QUOTA_FULL', 'SURVEY_ALREADY_ANSWERED', 'SURVEY_LINK_UNKNOWN', 'SURVEY_LINK_OTHER_SURVEY', 'SURVEY_PUBLIC_LINK_DISABLED', 'PLUGIN_NOT_ACTIVE'])

type Props = { form: SurveyForm; target: SurveyTarget; onDone: () => void; onFatal: (error: SurveyApiError) => void }

/** @example <SurveyPage form={form} target={target} onDone={…} onFatal={…} /> */
export default function SurveyPage({ form, target, onDone, onFatal }: Props) {
  const locale = pageLocaleOf(form.locale)
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const [banner, setBanner] = useState<{ text: string; items?: string[] } | undefined>(undefined)
  const proof = useProof(target.kind === 'public' ? target.token : undefined, form.proofOfWorkBits ?? 0)
  const callbacks = useRef({ onDone, onFatal, take: proof.take })
  callbacks.current = { onDone, onFatal, take: proof.take }

  const model = useMemo(() => {
    const survey = guardSurveyHtml(new Model(form.json))
    survey.locale = locale === 'zh-CN' ? 'zh-cn' : 'en'
    survey.showProgressBar = true
    survey.progressBarLocation = 'top'
    survey.progressBarType = 'questions'
    survey.showCompletePage = false
    // SurveyJS turns a rating into a dropdown when it guesses the row will not fit; an NPS row of
    // 0–10 wraps well on a phone and is one tap instead of two.
    for (const question of survey.getAllQuestions()) if (question.getType() === 'rating') question.setPropertyValue('displayMode', 'buttons')
    survey.applyTheme({ cssVariables: brandVariables(form.theme.brandColor), isPanelless: false })
    for (const [name, value] of Object.entries(form.hidden)) survey.setVariable(name, value)
    if (Object.keys(form.answers).length > 0) survey.data = form.answers
    return survey
  }, [form, locale])

  useEffect(() => {
    const saver = target.kind === 'link'
      ? createPartialSaver({
        save: (answers, keepalive) => savePartial(target, form.surveyId, answers, form.locale, keepalive),
        onState: (state, error) => {
          setSaveState(state)
          if (error instanceof SurveyApiError && FATAL.has(error.code)) { saver?.stop(); callbacks.current.onFatal(error) }
        },
      })
      : undefined
    saver?.seed(form.answers)
    const changed = () => saver?.schedule({ ...model.data })
    const pageChanged = () => void saver?.flush()
    const completing = async (_: unknown, options: { allow: boolean }) => {
      saver?.pause()
      setBanner({ text: t(locale, 'sending') })
      try {
        const answers = { ...model.data }
        await complete(target, form, answers, form.locale, await callbacks.current.take())
        saver?.stop()
        setBanner(undefined)
      } catch (error) {
        options.allow = false
        saver?.resume()
        const refusal = error instanceof SurveyApiError ? error : new SurveyApiError('NETWORK', 0)
        if (FATAL.has(refusal.code)) { callbacks.current.onFatal(refusal); return }
        if (refusal.questions.length > 0) {
          setBanner({ text: t(locale, 'checkAnswers'), items: showRefusal(model, refusal, locale) })
        } else {
          const key = refusal.code === 'SURVEY_RATE_LIMITED' ? 'rateLimited' : refusal.code.startsWith('SURVEY_PROOF') ? 'proofFailed' : refusal.code === 'NETWORK' ? 'network' : 'unexpected'
          setBanner({ text: t(locale, key, { seconds: Number(refusal.details.retryAfterSeconds ?? 60) }) })
        }
      }
    }
    const completed = () => callbacks.current.onDone()
    model.onValueChanged.add(changed)
    model.onCurrentPageChanged.add(pageChanged)
    model.onCompleting.add(completing)
    model.onComplete.add(completed)
    return () => {
      saver?.stop()
      model.onValueChanged.remove(changed)
      model.onCurrentPageChanged.remove(pageChanged)
      model.onCompleting.remove(completing)
      model.onComplete.remove(completed)
    }
  }, [model, form, target, locale])

  return (
    <>
      {proof.progress !== undefined && (
        <div className="shell-progress" role="status" aria-live="polite">
          <span>{t(locale, 'checking')}</span>
          <progress max={1} value={proof.progress} aria-label={t(locale, 'checking')} />
        </div>
      )}
      {banner && (
        <div className="shell-banner" role="alert">
          {banner.text}
          {banner.items && <ul>{banner.items.map((item) => <li key={item}>{item}</li>)}</ul>}
        </div>
      )}
      <Survey model={model} />
      <p className="shell-saved" aria-live="polite">
        {saveState === 'saving' ? t(locale, 'saving') : saveState === 'saved' ? t(locale, 'saved') : saveState === 'failed' ? t(locale, 'saveFailed') : ''}
      </p>
    </>
  )
}
