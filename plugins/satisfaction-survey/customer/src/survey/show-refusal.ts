/**
 * @module
 * Shows the server's refusal of answers on the questions it named, and returns the titles for
 * the banner (with the names of any question the page cannot show).
 */
import type { SurveyModel } from 'survey-core'
import type { SurveyApiError } from '../api/survey-api'
import { t, type PageLocale } from '../i18n/messages'

/** @example const titles = showRefusal(model, error, 'zh-CN') */
export function showRefusal(model: SurveyModel, error: SurveyApiError, locale: PageLocale): string[] {
  const text = t(locale, error.code === 'SURVEY_ANSWER_RULES' ? 'answerRequired' : 'answerRefused')
  const titles: string[] = []
  let first: string | undefined
  for (const { question } of error.questions) {
    const name = question.replace(/-Comment$/, '')
    const found = model.getQuestionByName(name)
    if (!found) { titles.push(name); continue }
    found.addError(text)
    titles.push(found.processedTitle || name)
    first ??= name
  }
  if (first) model.focusQuestion(first)
  return [...new Set(titles)]
}
