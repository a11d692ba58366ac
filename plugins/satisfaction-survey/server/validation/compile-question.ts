/**
 * @module
 * Compiles one question of a checked definition: what it is (QuestionInfo), its structural spec,
 * and its rules (required, requiredIf, type checks survey-core makes, validators), in the order
 * survey-core 3.0.0 applies them in Question.checkForErrors.
 */
import { surveyCore } from './survey-core.js'
import { checkAnswerLimits } from './answer-limits.js'
import type { ShapeSpec } from './answer-shape.js'
import { ratingValues, readItems } from './choice-items.js'
import { type CompiledCondition, compileCondition } from './expression.js'
import { plainText } from './localizable.js'
import { commentSuffix, noneValue, otherValue } from './question-kinds.js'
import type { AnswerIssue, ChoiceInfo, QuestionInfo } from './survey-json.js'
import { type CompiledValidator, compileValidator, emailPattern } from './validators.js'

/** A question ready to validate answers. */
export type CompiledQuestion = {
  info: QuestionInfo
  spec: ShapeSpec
  /** `<name>-Comment` when the question shows an "other" item */
  commentKey?: string
  /** Appends the limits (maxLength, maxSelectedChoices) a visible question's answer breaks: 422-class, read-only or not. */
  checkLimits(values: Record<string, unknown>, out: AnswerIssue[]): void
  /**
   * Appends the 422-class issues of a visible, editable question. Validators run only when no issue
   * about this question was appended since `since` (survey-core runs them only on a question without errors).
   */
  checkRules(value: unknown, values: Record<string, unknown>, partial: boolean, out: AnswerIssue[], since?: number): void
}

/** survey-core's Question.isEmpty(): strings are trimmed, empty arrays and objects of empty values are empty. */
export const isEmptyAnswer = (value: unknown) => surveyCore().Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value)

function items(list: unknown): ChoiceInfo[] {
  return Array.isArray(list) ? readItems(list).items : []
}

function describe(q: Record<string, unknown>, maxTextLength: number): { info: QuestionInfo; spec: ShapeSpec } {
  const type = q.type as string
  const info: QuestionInfo = { name: q.name as string, type, title: q.title ?? q.name }
  let ratingSet: Set<number> | undefined
  if (type === 'rating') {
    const values = ratingValues(q) as number[]
    Object.assign(info, { rateMin: Math.min(...values), rateMax: Math.max(...values), rateValues: values })
    ratingSet = new Set(values)
  }
  if (type === 'text') info.inputType = (q.inputType as string | undefined) ?? 'text'
  if (type === 'expression') info.displayOnly = true
  if (['radiogroup', 'checkbox', 'dropdown', 'ranking'].includes(type)) {
    info.choices = items(q.choices)
    if (q.showOtherItem === true) {
      info.choices.push({ value: otherValue, text: q.otherText ?? 'Other (describe)' })
      info.otherTextKey = `${info.name}${commentSuffix}`
    }
    if (q.showNoneItem === true) info.choices.push({ value: noneValue, text: q.noneText ?? 'None' })
  }
  if (type === 'matrix') Object.assign(info, { rows: items(q.rows), columns: items(q.columns) })
  // survey-core: a question's maxLength of -1 (the default) defers to the survey's maxTextLength; 0 means no limit.
  const own = typeof q.maxLength === 'number' ? q.maxLength : -1
  const spec: ShapeSpec = {
    info,
    offered: new Set((info.choices ?? []).map((c) => c.value)),
    ...(ratingSet ? { ratingValues: ratingSet } : {}),
    ...(info.rows ? { rowKeys: new Set(info.rows.map((r) => String(r.value))) } : {}),
    ...(info.columns ? { columnValues: new Set(info.columns.map((c) => c.value)) } : {}),
    maxLength: own >= 0 && (type === 'text' || type === 'comment') ? own : maxTextLength,
    maxSelected: typeof q.maxSelectedChoices === 'number' ? q.maxSelectedChoices : 0,
  }
  return { info, spec }
}

/** The checks survey-core makes in a question's onCheckForErrors beyond "required"; each returns an issue code or undefined. */
function typeChecks(q: Record<string, unknown>, info: QuestionInfo, commentKey: string | undefined) {
  const checks: ((value: unknown, values: Record<string, unknown>) => AnswerIssue | undefined)[] = []
  const name = info.name
  if (commentKey) {
    checks.push((value, values) => {
      const chosen = Array.isArray(value) ? value.includes(otherValue) : value === otherValue
      return chosen && !values[commentKey] ? { question: name, code: 'OTHER_TEXT_REQUIRED', message: plainText(q.otherErrorText) ?? `${name}: describe the "other" answer` } : undefined
    })
  }
  if (info.type === 'matrix' && q.eachRowRequired === true) {
    const rows = (info.rows ?? []).map((r) => String(r.value))
    checks.push((value) => {
      // survey-core also reports this on an optional matrix left empty; Rapport only on a started one.
      if (isEmptyAnswer(value)) return undefined
      const missing = rows.filter((row) => surveyCore().Helpers.isValueEmpty((value as Record<string, unknown>)[row]))
      return missing.length ? { question: name, code: 'EACH_ROW_REQUIRED', message: `${name}: answer every row (missing ${missing.join(', ')})` } : undefined
    })
  }
  if (info.type === 'checkbox' && typeof q.minSelectedChoices === 'number' && q.minSelectedChoices > 0) {
    const min = q.minSelectedChoices
    checks.push((value) => {
      // survey-core also reports this on an optional checkbox left empty; Rapport only on a started one.
      if (!Array.isArray(value) || value.length === 0 || (value.length === 1 && value[0] === noneValue)) return undefined
      return value.length < min ? { question: name, code: 'MIN_SELECTED_CHOICES', message: `${name}: select at least ${min} choices` } : undefined
    })
  }
  if (info.type === 'text' && (info.inputType === 'number' || info.inputType === 'date')) {
    for (const [key, code, below] of [['min', 'VALUE_BELOW_MIN', true], ['max', 'VALUE_ABOVE_MAX', false]] as const) {
      const limit = q[key] as number | string | undefined
      if (limit === undefined) continue
      checks.push((value) => {
        if (isEmptyAnswer(value)) return undefined
        const out = below ? (value as number | string) < limit : (value as number | string) > limit
        return out ? { question: name, code, message: `${name}: ${String(value)} is ${below ? 'below' : 'above'} ${String(limit)}` } : undefined
      })
    }
  }
  const hasEmailValidator = Array.isArray(q.validators) && q.validators.some((v) => (v as { type?: string }).type === 'email')
  if (info.type === 'text' && info.inputType === 'email' && !hasEmailValidator) {
    checks.push((value) => (!value || emailPattern.test(String(value)) ? undefined : { question: name, code: 'INVALID_EMAIL', message: `${name}: not a valid e-mail address` }))
  }
  return checks
}

/** Compiles one question (answer or expression type) of a checked definition. */
export function compileQuestion(q: Record<string, unknown>, maxTextLength: number): CompiledQuestion {
  const { info, spec } = describe(q, maxTextLength)
  const name = info.name
  const commentKey = info.otherTextKey
  const requiredIf: CompiledCondition | undefined = typeof q.requiredIf === 'string' ? compileCondition(q.requiredIf) : undefined
  const isRequired = q.isRequired === true
  const requiredMessage = plainText(q.requiredErrorText) ?? `${name} is required`
  const checks = typeChecks(q, info, commentKey)
  const validators: CompiledValidator[] = Array.isArray(q.validators) ? q.validators.map((v) => compileValidator(v as Record<string, unknown>, name)) : []
  return {
    info,
    spec,
    ...(commentKey ? { commentKey } : {}),
    checkLimits(values, out) {
      const value = values[name]
      const otherText = commentKey ? values[commentKey] : undefined
      if ((value === null || value === undefined) && (otherText === null || otherText === undefined)) return
      for (const problem of checkAnswerLimits(spec, value, otherText)) out.push({ question: name, ...problem })
    },
    checkRules(value, values, partial, out, since = out.length) {
      const before = since
      // requiredIf, when present, decides alone (survey-core sets isRequired from it).
      const required = requiredIf ? requiredIf(values) : isRequired
      if (required && !partial && isEmptyAnswer(value)) out.push({ question: name, code: 'REQUIRED', message: requiredMessage })
      for (const check of checks) {
        const issue = check(value, values)
        if (issue) out.push(issue)
      }
      // survey-core runs validators only when the question has no other error.
      if (out.length > before) return
      for (const validate of validators) {
        const failure = validate(value, values)
        if (failure) out.push({ question: name, ...failure })
      }
    },
  }
}
