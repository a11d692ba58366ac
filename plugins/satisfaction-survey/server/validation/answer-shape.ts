/**
 * @module
 * Structural (400-class) checks of one answer against its question: the value's type, choices
 * offered, rating scale, and the shape of matrix and ranking values. survey-core checks none of
 * these, so nothing here is compared with it. A well-formed answer that breaks a limit (maxLength,
 * maxSelectedChoices) is a rule, not a shape: see answer-limits.ts.
 */
import { isIsoDate } from './check-element.js'
import { noneValue, otherValue } from './question-kinds.js'
import type { QuestionInfo } from './survey-json.js'

/** What the shape check needs to know about a question. */
export type ShapeSpec = {
  info: QuestionInfo
  offered: Set<string | number>
  ratingValues?: Set<number>
  rowKeys?: Set<string>
  columnValues?: Set<string | number>
  maxLength: number
  maxSelected: number
}

/** A problem found: a code and an English message. */
export type ShapeProblem = { code: string; message: string }

const isScalar = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
const show = (v: unknown) => JSON.stringify(v) ?? String(v)

function checkSelection(spec: ShapeSpec, value: unknown[]): ShapeProblem | undefined {
  const { name, type } = spec.info
  const seen = new Set<unknown>()
  for (const item of value) {
    if (!isScalar(item) || !spec.offered.has(item)) return { code: 'CHOICE_NOT_OFFERED', message: `${name}: ${show(item)} is not one of its choices` }
    if (seen.has(item)) return { code: 'DUPLICATE_CHOICE', message: `${name}: ${show(item)} is selected twice` }
    seen.add(item)
  }
  // A ranking of some of its choices is well-formed (survey-core fills in the rest); an empty one is
  // left to required-ness.
  if (type === 'ranking') return undefined
  if (value.length > 1 && seen.has(noneValue) && spec.offered.has(noneValue)) return { code: 'NONE_NOT_EXCLUSIVE', message: `${name}: "none" cannot be selected with other choices` }
  return undefined
}

function checkString(spec: ShapeSpec, value: unknown, what: string): ShapeProblem | undefined {
  const { name } = spec.info
  if (typeof value !== 'string') return { code: 'WRONG_TYPE', message: `${name}: expected ${what}, got ${show(value)}` }
  return undefined
}

function checkMatrix(spec: ShapeSpec, value: unknown): ShapeProblem | undefined {
  const { name } = spec.info
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { code: 'WRONG_TYPE', message: `${name}: expected an object of row → column, got ${show(value)}` }
  for (const [row, cell] of Object.entries(value)) {
    if (!spec.rowKeys?.has(row)) return { code: 'MATRIX_UNKNOWN_ROW', message: `${name}: "${row}" is not one of its rows` }
    if (!isScalar(cell) || !spec.columnValues?.has(cell)) return { code: 'MATRIX_BAD_CELL', message: `${name}.${row}: ${show(cell)} is not one of its columns` }
  }
  return undefined
}

/** Checks a non-empty (not null or undefined) answer's shape; returns the first problem. */
export function checkAnswerShape(spec: ShapeSpec, value: unknown): ShapeProblem | undefined {
  const { name, type, inputType } = spec.info
  switch (type) {
    case 'rating':
      if (typeof value !== 'number') return { code: 'WRONG_TYPE', message: `${name}: expected a number, got ${show(value)}` }
      if (!Number.isInteger(value)) return { code: 'RATING_NOT_INTEGER', message: `${name}: ${value} is not a whole number` }
      if (!spec.ratingValues?.has(value)) return { code: 'RATING_OUT_OF_RANGE', message: `${name}: ${value} is outside the scale ${spec.info.rateMin}..${spec.info.rateMax}` }
      return undefined
    case 'radiogroup':
    case 'dropdown':
      if (!isScalar(value) || !spec.offered.has(value)) return { code: 'CHOICE_NOT_OFFERED', message: `${name}: ${show(value)} is not one of its choices` }
      return undefined
    case 'checkbox':
    case 'ranking':
      if (!Array.isArray(value)) return { code: 'WRONG_TYPE', message: `${name}: expected a list of choices, got ${show(value)}` }
      return checkSelection(spec, value)
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { code: 'WRONG_TYPE', message: `${name}: expected true or false, got ${show(value)}` }
    case 'matrix':
      return checkMatrix(spec, value)
    case 'comment':
      return checkString(spec, value, 'a string')
    case 'text':
      if (inputType === 'number') {
        return typeof value === 'number' && Number.isFinite(value) ? undefined : { code: 'WRONG_TYPE', message: `${name}: expected a number, got ${show(value)}` }
      }
      if (inputType === 'date' && typeof value === 'string' && !isIsoDate(value)) return { code: 'INVALID_DATE', message: `${name}: "${value}" is not a YYYY-MM-DD date` }
      return checkString(spec, value, inputType === 'date' ? 'a YYYY-MM-DD date' : 'a string')
    default: // expression: computed in the browser, accepted as sent when it is a plain value
      return isScalar(value) || typeof value === 'boolean' ? undefined : { code: 'WRONG_TYPE', message: `${name}: expected a plain value, got ${show(value)}` }
  }
}

/** Checks the text typed for "other" (`<name>-Comment`) against the question's answer. */
export function checkOtherText(spec: ShapeSpec, text: unknown, answer: unknown): ShapeProblem | undefined {
  const { name } = spec.info
  if (text === null || text === undefined) return undefined
  if (typeof text !== 'string') return { code: 'WRONG_TYPE', message: `${name}-Comment: expected a string, got ${show(text)}` }
  const chosen = Array.isArray(answer) ? answer.includes(otherValue) : answer === otherValue
  if (text !== '' && !chosen) return { code: 'OTHER_TEXT_WITHOUT_OTHER', message: `${name}-Comment: text for "other" sent but "other" is not selected` }
  return undefined
}
