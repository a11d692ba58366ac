/**
 * @module
 * The words customers saw for each choice, row and column, by question and value, in the page's
 * language: charts name choices by these labels, never by their stored codes (`online`, `app`).
 */
import { textIn, type SurveyLocale } from '../builder/localized'
import type { QuestionJson } from '../builder/question-types'

/** Labels by question name, then by stored value. */
export type ChoiceLabels = ReadonlyMap<string, ReadonlyMap<string, string>>

const itemsOf = (list: unknown, locale: SurveyLocale): Array<[string, string]> =>
  (Array.isArray(list) ? list : []).flatMap((item): Array<[string, string]> => {
    if (typeof item === 'string' || typeof item === 'number') return [[String(item), String(item)]]
    if (item && typeof item === 'object' && 'value' in item) {
      const value = String((item as { value: unknown }).value)
      return [[value, textIn((item as { text?: unknown }).text, locale) || value]]
    }
    return []
  })

/** @example choiceLabels(questionsOf(survey.json), 'zh-CN').get('channel')?.get('online') // '网上' */
export function choiceLabels(questions: readonly QuestionJson[], locale: SurveyLocale): ChoiceLabels {
  return new Map(questions.map((q) => [q.name, new Map([...itemsOf(q.choices, locale), ...itemsOf(q.rows, locale), ...itemsOf(q.columns, locale)])]))
}
