/**
 * @module
 * Question validators compiled once. Each reproduces survey-core 3.0.0's validator of the same kind
 * (NumericValidator, TextValidator, RegexValidator, EmailValidator, ExpressionValidator,
 * AnswerCountValidator), quirks included, because the customer's browser applied exactly those:
 * e.g. the text validator's allowDigits only looks at trailing digits, and an expression validator
 * runs even when the question is empty.
 */
import { surveyCore } from './survey-core.js'
import { compileCondition } from './expression.js'
import { plainText } from './localizable.js'

/** A compiled validator: undefined when the value passes, else the failure. */
export type CompiledValidator = (value: unknown, values: Record<string, unknown>) => { code: string; message: string } | undefined

/** survey-core's EmailValidator pattern. */
export const emailPattern = /^(([^<>()[\].,;:\s@"]+(\.[^<>()[\].,;:\s@"]+)*)|(".+"))@(([^<>()=[\].,;:\s@"]+\.)+[^<>()=[\].,;:\s@"]{2,})$/i

// survey-core's validators test emptiness with Base.isValueEmpty, which trims strings first.
const isEmpty = (value: unknown) => surveyCore().Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value)

/** Compiles one validator of a checked definition, for the question named `question`. */
export function compileValidator(json: Record<string, unknown>, question: string): CompiledValidator {
  const custom = plainText(json.text)
  const fail = (code: string, message: string) => ({ code, message: custom ?? `${question}: ${message}` })
  switch (json.type) {
    case 'numeric': {
      const min = typeof json.minValue === 'number' ? json.minValue : undefined
      const max = typeof json.maxValue === 'number' ? json.maxValue : undefined
      return (value) => {
        if (isEmpty(value)) return undefined
        if (!surveyCore().Helpers.isNumber(value)) return fail('NOT_NUMERIC', 'the value should be numeric')
        const n = surveyCore().Helpers.getNumber(value)
        if (min !== undefined && min > n) return fail('NUMBER_OUT_OF_RANGE', `${n} is below ${min}`)
        if (max !== undefined && max < n) return fail('NUMBER_OUT_OF_RANGE', `${n} is above ${max}`)
        return undefined
      }
    }
    case 'text': {
      const minLength = (json.minLength as number | undefined) ?? 0
      const maxLength = (json.maxLength as number | undefined) ?? 0
      const allowDigits = json.allowDigits !== false
      return (value) => {
        if (isEmpty(value)) return undefined
        if (!allowDigits && /\d+$/.test(String(value))) return fail('DIGITS_NOT_ALLOWED', 'numbers are not allowed')
        const length = (value as { length?: number }).length
        if (minLength > 0 && typeof length === 'number' && length < minLength) return fail('TEXT_TOO_SHORT', `enter at least ${minLength} characters`)
        if (maxLength > 0 && typeof length === 'number' && length > maxLength) return fail('TEXT_TOO_LONG', `enter at most ${maxLength} characters`)
        return undefined
      }
    }
    case 'regex': {
      const re = new RegExp(json.regex as string, json.caseInsensitive === true ? 'i' : '')
      const test = (v: unknown) => re.test(String(v))
      return (value) => {
        if (isEmpty(value)) return undefined
        const ok = Array.isArray(value) ? value.every(test) && test(value) : test(value)
        return ok ? undefined : fail('PATTERN_MISMATCH', `does not match ${json.regex as string}`)
      }
    }
    case 'email':
      return (value) => (!value || emailPattern.test(String(value)) ? undefined : fail('INVALID_EMAIL', 'not a valid e-mail address'))
    case 'expression': {
      const holds = compileCondition(json.expression as string)
      return (_value, values) => (holds(values) ? undefined : fail('EXPRESSION_FAILED', `${json.expression as string} does not hold`))
    }
    default: { // answercount
      const minCount = (json.minCount as number | undefined) ?? 0
      const maxCount = (json.maxCount as number | undefined) ?? 0
      return (value) => {
        if (!Array.isArray(value) || value.length === 0) return undefined
        if (minCount && value.length < minCount) return fail('TOO_FEW_ANSWERS', `select at least ${minCount}`)
        if (maxCount && value.length > maxCount) return fail('TOO_MANY_ANSWERS', `select at most ${maxCount}`)
        return undefined
      }
    }
  }
}
