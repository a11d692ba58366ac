/**
 * @module
 * Checks one element of a survey definition (question, display element or panel) on its own;
 * the checks across elements (unique names, what expressions refer to) are in check-survey-definition.ts.
 */
import { ratingValues, readItems } from './choice-items.js'
import { inspectExpression } from './expression.js'
import { isLocalizableString } from './localizable.js'
import {
  answerTypes, choiceTypes, containerTypes, displayTypes, maxRateValues, noneValue, otherNoneTypes, otherValue,
  textInputTypes, unsupportedElementProperties, validatorKinds,
} from './question-kinds.js'
import type { DefinitionIssue } from './survey-json.js'

/** An expression met while checking, to be resolved against the survey's question names. */
export type ExpressionUse = { path: string; variables: string[] }

type Report = { issues: DefinitionIssue[]; expressions: ExpressionUse[] }

const textKeys = ['title', 'description', 'html', 'requiredErrorText', 'placeholder', 'labelTrue', 'labelFalse', 'minRateDescription',
  'maxRateDescription', 'otherText', 'noneText', 'otherPlaceholder', 'selectAllText', 'otherErrorText', 'commentText']
const booleanKeys = ['isRequired', 'visible', 'readOnly', 'selectToRankEnabled', 'showOtherItem', 'showNoneItem', 'showSelectAllItem', 'eachRowRequired']
const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** True for a `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !isoDate.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0

/** Checks an expression property and records what it reads. */
export function checkExpression(value: unknown, path: string, report: Report) {
  if (typeof value !== 'string' || value.trim() === '') {
    report.issues.push({ path, code: 'EXPRESSION_INVALID', message: `${path} must be a non-empty expression string` })
    return
  }
  const inspected = inspectExpression(value)
  if (!inspected.ok) report.issues.push({ path, code: inspected.code, message: inspected.message })
  else report.expressions.push({ path, variables: inspected.variables })
}

/** Checks the properties every element and container share: logic, flags and texts. */
export function checkCommon(el: Record<string, unknown>, path: string, report: Report) {
  const prefix = path ? `${path}.` : ''
  for (const key of ['visibleIf', 'enableIf']) if (el[key] !== undefined) checkExpression(el[key], `${prefix}${key}`, report)
  for (const key of booleanKeys) {
    if (el[key] !== undefined && typeof el[key] !== 'boolean') report.issues.push({ path: `${prefix}${key}`, code: 'NOT_A_BOOLEAN', message: `${prefix}${key} must be true or false` })
  }
  for (const key of textKeys) {
    if (el[key] !== undefined && !isLocalizableString(el[key])) {
      report.issues.push({ path: `${prefix}${key}`, code: 'TEXT_INVALID', message: `${prefix}${key} must be a string or a map of locale to string` })
    }
  }
}

const missingCodes = { choices: 'CHOICES_MISSING', rows: 'ROWS_MISSING', columns: 'COLUMNS_MISSING' } as const

function checkItems(el: Record<string, unknown>, key: keyof typeof missingCodes, path: string, report: Report) {
  const items = el[key]
  if (!Array.isArray(items) || items.length === 0) {
    report.issues.push({ path: `${path}.${key}`, code: missingCodes[key], message: `${path} (${String(el.type)}) needs a non-empty ${key} list` })
    return
  }
  const { malformedAt, duplicateAt } = readItems(items)
  if (malformedAt !== undefined) {
    report.issues.push({ path: `${path}.${key}[${malformedAt}]`, code: 'ITEM_INVALID', message: `${path}.${key}[${malformedAt}] must be a non-empty string, a number or { value, text }` })
  } else if (duplicateAt !== undefined) {
    report.issues.push({ path: `${path}.${key}[${duplicateAt}]`, code: 'DUPLICATE_ITEM', message: `${path}.${key}[${duplicateAt}] repeats a value` })
  }
  items.forEach((item, i) => {
    const text = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).text : undefined
    if (text !== undefined && !isLocalizableString(text)) report.issues.push({ path: `${path}.${key}[${i}].text`, code: 'TEXT_INVALID', message: `${path}.${key}[${i}].text must be a string or a map of locale to string` })
  })
}

function checkRating(el: Record<string, unknown>, path: string, report: Report) {
  const values = ratingValues(el)
  if (typeof values === 'string') {
    report.issues.push({ path: `${path}.${Array.isArray(el.rateValues) && el.rateValues.length > 0 ? 'rateValues' : 'rateMax'}`, code: 'RATING_RANGE_INVALID', message: `${path}: ${values}` })
    return
  }
  if (values.length > maxRateValues) {
    report.issues.push({ path: `${path}.rateMax`, code: 'RATING_RANGE_TOO_WIDE', message: `${path} offers ${values.length} values; at most ${maxRateValues} are shown` })
  }
  if (el.rateCount !== undefined && el.rateCount !== values.length) {
    report.issues.push({ path: `${path}.rateCount`, code: 'RATING_COUNT_MISMATCH', message: `${path}.rateCount ${String(el.rateCount)} disagrees with the ${values.length} values of the scale` })
  }
}

function checkChoices(el: Record<string, unknown>, type: string, path: string, report: Report) {
  checkItems(el, 'choices', path, report)
  const values = Array.isArray(el.choices) ? readItems(el.choices).items.map((i) => i.value) : []
  for (const [flag, reserved] of [['showOtherItem', otherValue], ['showNoneItem', noneValue]] as const) {
    if (el[flag] === undefined) continue
    if (!otherNoneTypes.has(type)) report.issues.push({ path: `${path}.${flag}`, code: 'UNSUPPORTED_PROPERTY', message: `${path}: ${flag} is not supported on ${type} questions` })
    else if (el[flag] === true && values.includes(reserved)) report.issues.push({ path: `${path}.choices`, code: 'CHOICE_RESERVED', message: `${path}: the choice value "${reserved}" is taken by the ${flag} item` })
  }
  for (const key of ['minSelectedChoices', 'maxSelectedChoices']) {
    if (el[key] === undefined) continue
    if (type !== 'checkbox') report.issues.push({ path: `${path}.${key}`, code: 'UNSUPPORTED_PROPERTY', message: `${path}: ${key} is only supported on checkbox questions` })
    else if (!isCount(el[key])) report.issues.push({ path: `${path}.${key}`, code: 'SELECTED_CHOICES_INVALID', message: `${path}.${key} must be a whole number ≥ 0` })
  }
  const [min, max] = [el.minSelectedChoices as number, el.maxSelectedChoices as number]
  if (type === 'checkbox' && isCount(min) && isCount(max) && max > 0 && min > max) {
    report.issues.push({ path: `${path}.minSelectedChoices`, code: 'SELECTED_CHOICES_INVALID', message: `${path}: minSelectedChoices ${min} is above maxSelectedChoices ${max}` })
  }
}

function checkText(el: Record<string, unknown>, type: string, path: string, report: Report) {
  if (el.maxLength !== undefined && !(Number.isInteger(el.maxLength) && (el.maxLength as number) >= -1)) {
    report.issues.push({ path: `${path}.maxLength`, code: 'MAX_LENGTH_INVALID', message: `${path}.maxLength must be a whole number (0 or -1: no limit)` })
  }
  if (type !== 'text') return
  const inputType = el.inputType ?? 'text'
  if (typeof inputType !== 'string' || !textInputTypes.has(inputType)) {
    report.issues.push({ path: `${path}.inputType`, code: 'UNSUPPORTED_INPUT_TYPE', message: `${path}.inputType "${String(inputType)}" is not supported; use one of ${[...textInputTypes].join(', ')}` })
    return
  }
  for (const key of ['min', 'max']) {
    if (el[key] === undefined) continue
    const ok = inputType === 'number' ? typeof el[key] === 'number' && Number.isFinite(el[key]) : inputType === 'date' ? isIsoDate(el[key]) : false
    if (!ok) {
      const wanted = inputType === 'number' ? 'a number' : inputType === 'date' ? 'a YYYY-MM-DD date' : `not supported with inputType ${inputType}`
      report.issues.push({ path: `${path}.${key}`, code: 'LIMIT_INVALID', message: `${path}.${key} must be ${wanted}` })
    }
  }
  if (inputType === 'number' && typeof el.min === 'number' && typeof el.max === 'number' && el.min > el.max) {
    report.issues.push({ path: `${path}.min`, code: 'LIMIT_INVALID', message: `${path}: min ${el.min} is above max ${el.max}` })
  }
}

function checkValidator(v: unknown, path: string, report: Report) {
  if (v === null || typeof v !== 'object' || typeof (v as { type?: unknown }).type !== 'string' || !validatorKinds.has((v as { type: string }).type)) {
    const type = v !== null && typeof v === 'object' ? String((v as { type?: unknown }).type) : String(v)
    report.issues.push({ path: `${path}.type`, code: 'UNKNOWN_VALIDATOR', message: `${path}: validator type "${type}" is not supported; use one of ${[...validatorKinds].join(', ')}` })
    return
  }
  const val = v as Record<string, unknown>
  const bad = (key: string, wanted: string) => report.issues.push({ path: `${path}.${key}`, code: 'VALIDATOR_INVALID', message: `${path}.${key} must be ${wanted}` })
  if (val.text !== undefined && !isLocalizableString(val.text)) bad('text', 'a string or a map of locale to string')
  switch (val.type) {
    case 'numeric':
      for (const key of ['minValue', 'maxValue']) if (val[key] !== undefined && !(typeof val[key] === 'number' && Number.isFinite(val[key]))) bad(key, 'a number')
      break
    case 'text':
      for (const key of ['minLength', 'maxLength']) if (val[key] !== undefined && !isCount(val[key])) bad(key, 'a whole number ≥ 0')
      if (val.allowDigits !== undefined && typeof val.allowDigits !== 'boolean') bad('allowDigits', 'true or false')
      break
    case 'answercount':
      for (const key of ['minCount', 'maxCount']) if (val[key] !== undefined && !isCount(val[key])) bad(key, 'a whole number ≥ 0')
      break
    case 'regex':
      if (typeof val.regex !== 'string' || val.regex === '') bad('regex', 'a regular expression')
      else {
        try { new RegExp(val.regex) } catch { report.issues.push({ path: `${path}.regex`, code: 'REGEX_INVALID', message: `${path}.regex "${val.regex}" is not a valid regular expression` }) }
      }
      if (val.caseInsensitive !== undefined && typeof val.caseInsensitive !== 'boolean') bad('caseInsensitive', 'true or false')
      break
    case 'expression':
      checkExpression(val.expression, `${path}.expression`, report)
      break
  }
}

/** Checks one element. Returns the element's kind, or undefined when its type is unusable. */
export function checkElement(el: Record<string, unknown>, path: string, report: Report): 'answer' | 'display' | 'panel' | undefined {
  const type = el.type
  if (typeof type !== 'string' || type === '') {
    report.issues.push({ path: `${path}.type`, code: 'MISSING_TYPE', message: `${path} has no type` })
    return undefined
  }
  const kind = answerTypes.has(type) ? 'answer' : displayTypes.has(type) ? 'display' : containerTypes.has(type) ? 'panel' : undefined
  if (!kind) {
    report.issues.push({ path: `${path}.type`, code: 'UNKNOWN_QUESTION_TYPE', message: `${path}: question type "${type}" is not supported; use one of ${[...answerTypes, ...displayTypes, ...containerTypes].join(', ')}` })
    return undefined
  }
  checkCommon(el, path, report)
  for (const key of Object.keys(el)) {
    const why = unsupportedElementProperties[key]
    if (why) report.issues.push({ path: `${path}.${key}`, code: 'UNSUPPORTED_PROPERTY', message: `${path}.${key}: ${why}` })
  }
  if (kind === 'panel') {
    if (!Array.isArray(el.elements)) report.issues.push({ path: `${path}.elements`, code: 'ELEMENTS_MISSING', message: `${path} (panel) needs an elements list` })
    if (el.isRequired !== undefined) report.issues.push({ path: `${path}.isRequired`, code: 'UNSUPPORTED_PROPERTY', message: `${path}.isRequired: required panels are not supported; mark the questions required` })
    return kind
  }
  if (kind === 'answer' && el.requiredIf !== undefined) checkExpression(el.requiredIf, `${path}.requiredIf`, report)
  if (type === 'expression') checkExpression(el.expression, `${path}.expression`, report)
  if (type === 'rating') checkRating(el, path, report)
  if (choiceTypes.has(type)) checkChoices(el, type, path, report)
  if (type === 'text' || type === 'comment') checkText(el, type, path, report)
  if (type === 'matrix') {
    checkItems(el, 'rows', path, report)
    checkItems(el, 'columns', path, report)
  }
  if (el.validators !== undefined) {
    if (!Array.isArray(el.validators) || kind !== 'answer') report.issues.push({ path: `${path}.validators`, code: 'VALIDATOR_INVALID', message: `${path}.validators must be a list, on a question that takes an answer` })
    else el.validators.forEach((v, i) => { checkValidator(v, `${path}.validators[${i}]`, report) })
  }
  return kind
}
