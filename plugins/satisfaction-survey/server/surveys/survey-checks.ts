/**
 * @module
 * Checks a survey before it is stored or published: the SurveyJS JSON (400 naming the path), its
 * markup (cleaned, never refused) and the score questions (each must be a rating question with the score's range: NPS 0–10, CSAT 1–5, CES 1–7).
 */
import type { z } from '@rapport/plugin-sdk'
import type { ScoreKind, scoresSchema } from '../../shared/schemas.js'
import { surveyErrors } from '../errors.js'
import { checkSurveyDefinition, compileSurvey } from '../validation/index.js'
import { cleanSurveyHtml } from './clean-survey-html.js'

/** Which question carries which score. */
export type Scores = z.infer<typeof scoresSchema>

/** The rating range each score kind needs. */
export const scoreRanges: Readonly<Record<ScoreKind, readonly [number, number]>> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] }

/**
 * Returns the checked JSON with its markup cleaned (clean-survey-html.ts); throws SURVEY_DEFINITION_INVALID or SURVEY_SCORE_QUESTION_INVALID.
 * @example const json = checkSurvey(body.json, { nps: 'nps' })
 */
export function checkSurvey(json: unknown, scores: Scores): Record<string, unknown> {
  const checked = checkSurveyDefinition(json)
  if (!checked.ok) throw surveyErrors.DEFINITION_INVALID({ issues: checked.issues })
  const { questions } = compileSurvey(checked.survey)
  for (const [score, name] of Object.entries(scores) as Array<[ScoreKind, string | undefined]>) {
    if (name === undefined) continue
    const q = questions.find((candidate) => candidate.name === name)
    if (!q) throw surveyErrors.SCORE_QUESTION_INVALID({ score, question: name, reason: 'is not in the survey' })
    const [min, max] = scoreRanges[score]
    if (q.type !== 'rating') throw surveyErrors.SCORE_QUESTION_INVALID({ score, question: name, reason: `must be a rating question, not ${q.type}` })
    if ((q.rateMin ?? 1) !== min || (q.rateMax ?? 5) !== max) {
      throw surveyErrors.SCORE_QUESTION_INVALID({ score, question: name, reason: `must rate from ${min} to ${max}, not ${q.rateMin ?? 1} to ${q.rateMax ?? 5}` })
    }
  }
  return cleanSurveyHtml(checked.survey as unknown as Record<string, unknown>)
}
