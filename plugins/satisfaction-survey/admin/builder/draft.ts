/**
 * @module
 * The draft the builder edits (what `PUT /surveys/{id}` takes), and the changes that touch more
 * than one question: renaming (score marks and conditions follow) and deleting (its marks go).
 */
import type { Survey, SurveyJson } from '../api/surveys'
import type { SurveyLocale } from './localized'
import type { QuestionJson, ScoreKind } from './question-types'
import { questionsOf, withQuestions } from './survey-document'

/** The editable part of a survey. */
export type Draft = {
  name: string
  json: SurveyJson
  locales: SurveyLocale[]
  defaultLocale: SurveyLocale
  theme: { brandColor?: string; logoUrl?: string }
  scores: Partial<Record<ScoreKind, string>>
}

/** The draft of a survey as the server has it. */
export const draftOf = (survey: Survey): Draft => ({
  name: survey.name,
  json: survey.json,
  locales: survey.locales as SurveyLocale[],
  defaultLocale: survey.defaultLocale as SurveyLocale,
  theme: survey.theme,
  scores: survey.scores,
})

const renameIn = (expression: unknown, from: string, to: string): unknown =>
  typeof expression === 'string' ? expression.split(`{${from}}`).join(`{${to}}`) : expression

/** `draft` with question `index` replaced; a new name carries over to score marks and other questions' conditions. */
export function withQuestion(draft: Draft, index: number, question: QuestionJson): Draft {
  const questions = questionsOf(draft.json)
  const before = questions[index]
  const renamed = before && before.name !== question.name ? { from: before.name, to: question.name } : undefined
  const next = questions.map((q, i) => {
    if (i === index) return question
    if (!renamed || q.visibleIf === undefined) return q
    return { ...q, visibleIf: renameIn(q.visibleIf, renamed.from, renamed.to) }
  })
  const scores = renamed
    ? Object.fromEntries(Object.entries(draft.scores).map(([kind, name]) => [kind, name === renamed.from ? renamed.to : name]))
    : draft.scores
  return { ...draft, json: withQuestions(draft.json, next), scores }
}

/** `draft` without question `index` and without the score marks naming it. */
export function withoutQuestion(draft: Draft, index: number): Draft {
  const questions = questionsOf(draft.json)
  const gone = questions[index]?.name
  return {
    ...draft,
    json: withQuestions(draft.json, questions.filter((_, i) => i !== index)),
    scores: Object.fromEntries(Object.entries(draft.scores).filter(([, name]) => name !== gone)),
  }
}

/** `draft` with `kind` marked on `question` (or unmarked from it when `kind` is undefined). */
export function withScoreMark(draft: Draft, question: string, kind: ScoreKind | undefined): Draft {
  const scores = Object.fromEntries(Object.entries(draft.scores).filter(([k, name]) => name !== question && k !== kind))
  if (kind) scores[kind] = question
  return { ...draft, scores }
}
