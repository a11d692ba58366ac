/**
 * @module
 * The NPS, CSAT and CES scores of accepted answers, read from the version's score questions.
 */
import type { Scores } from '../surveys/survey-checks.js'

/** Scores of a response; null where the survey asks none or the question was left empty. */
export type ResponseScores = { nps: number | null; csat: number | null; ces: number | null }

/** @example scoresOf({ nps: 'nps' }, { nps: 9 }) // { nps: 9, csat: null, ces: null } */
export function scoresOf(scores: Scores, answers: Record<string, unknown>): ResponseScores {
  const read = (name: string | undefined) => {
    const value = name === undefined ? undefined : answers[name]
    return typeof value === 'number' && Number.isInteger(value) ? value : null
  }
  return { nps: read(scores.nps), csat: read(scores.csat), ces: read(scores.ces) }
}
