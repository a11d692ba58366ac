/**
 * @module
 * Runs a version's compiled validator: structural problems (unknown questions, wrong types,
 * choices not offered, out-of-range ratings) are a 400, broken rules (required, validators) a
 * 422, each naming the questions. Returns exactly the answers to store (hidden ones dropped).
 */
import { surveyErrors } from '../errors.js'
import type { CompiledSurvey } from '../surveys/compiled-versions.js'

type AnswerIssue = { question: string; code: string; message: string }
const names = (issues: AnswerIssue[]) => [...new Set(issues.map((i) => i.question))]

/**
 * `partial`: a save in progress, where required questions may still be empty.
 * @example const accepted = checkAnswers(compiled.of(version), body.answers, { partial: false })
 */
export function checkAnswers(compiled: CompiledSurvey, answers: Record<string, unknown>, { partial }: { partial: boolean }): Record<string, unknown> {
  const verdict = compiled.validate(answers, { partial })
  if (verdict.structural.length > 0) throw surveyErrors.ANSWER_INVALID({ questions: names(verdict.structural), issues: verdict.structural })
  if (verdict.rules.length > 0) throw surveyErrors.ANSWER_RULES({ questions: names(verdict.rules), issues: verdict.rules })
  return verdict.accepted
}
