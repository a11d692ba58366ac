/**
 * @module
 * The limits of one answer that passed its shape check: text over maxLength (the question's, or the
 * survey's maxTextLength) and more choices than maxSelectedChoices. The answer is well-formed, so
 * breaking a limit is a rule (422), as a validator's maxLength is; survey-core enforces neither.
 */
import type { ShapeProblem, ShapeSpec } from './answer-shape.js'

const tooLong = (spec: ShapeSpec, key: string, text: unknown): ShapeProblem | undefined =>
  typeof text === 'string' && spec.maxLength > 0 && text.length > spec.maxLength
    ? { code: 'TEXT_TOO_LONG', message: `${key}: ${text.length} characters, at most ${spec.maxLength} allowed` }
    : undefined

/**
 * The limits `value` (and the question's "other" text) break.
 * @example checkAnswerLimits(spec, ['a', 'b', 'c', 'd'], undefined) // [{ code: 'TOO_MANY_CHOICES', ... }]
 */
export function checkAnswerLimits(spec: ShapeSpec, value: unknown, otherText: unknown): ShapeProblem[] {
  const { name, type, inputType } = spec.info
  const problems: ShapeProblem[] = []
  if (type === 'comment' || (type === 'text' && inputType !== 'number' && inputType !== 'date')) {
    const problem = tooLong(spec, name, value)
    if (problem) problems.push(problem)
  }
  if (type === 'checkbox' && Array.isArray(value) && spec.maxSelected > 0 && value.length > spec.maxSelected) {
    problems.push({ code: 'TOO_MANY_CHOICES', message: `${name}: ${value.length} choices selected, at most ${spec.maxSelected} allowed` })
  }
  const other = tooLong(spec, `${name}-Comment`, otherText)
  if (other) problems.push(other)
  return problems
}
