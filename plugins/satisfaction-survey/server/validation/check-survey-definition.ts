/**
 * @module
 * Checks a SurveyJS JSON document before it is saved: the document's shape, every element
 * (check-element.ts), unique question names, and that every expression reads existing questions.
 */
import { checkCommon, checkElement, type ExpressionUse } from './check-element.js'
import { variableRoot } from './expression.js'
import { isLocalizableString } from './localizable.js'
import { commentSuffix, unsupportedSurveyProperties } from './question-kinds.js'
import type { DefinitionIssue, SurveyJson } from './survey-json.js'
import { pagesOf, walkElements } from './walk-elements.js'

// Characters that would break `{name}` references in expressions or the `<name>-Comment` key.
const badNameCharacters = /[{}[\].,'"]|-Comment$/

function checkDocument(survey: Record<string, unknown>, issues: DefinitionIssue[], expressions: ExpressionUse[]) {
  const report = { issues, expressions }
  const hasPages = survey.pages !== undefined
  if (hasPages && survey.elements !== undefined) issues.push({ path: 'elements', code: 'PAGES_AND_ELEMENTS', message: 'A survey has either pages or top-level elements, not both' })
  if (hasPages ? !Array.isArray(survey.pages) || survey.pages.length === 0 : !Array.isArray(survey.elements)) {
    issues.push({ path: hasPages ? 'pages' : 'elements', code: 'NO_PAGES', message: 'A survey needs a non-empty pages list or an elements list' })
  }
  for (const [key, why] of Object.entries(unsupportedSurveyProperties)) {
    if (survey[key] !== undefined) issues.push({ path: key, code: 'UNSUPPORTED_PROPERTY', message: `${key}: ${why}` })
  }
  if (survey.clearInvisibleValues !== undefined && survey.clearInvisibleValues !== 'onComplete' && survey.clearInvisibleValues !== 'none') {
    issues.push({ path: 'clearInvisibleValues', code: 'UNSUPPORTED_PROPERTY', message: 'clearInvisibleValues must be "onComplete" (the default) or "none"' })
  }
  if (survey.mode !== undefined && survey.mode !== 'edit') issues.push({ path: 'mode', code: 'UNSUPPORTED_PROPERTY', message: 'a survey that takes answers has mode "edit"' })
  if (survey.maxTextLength !== undefined && !(Number.isInteger(survey.maxTextLength) && (survey.maxTextLength as number) >= 0)) {
    issues.push({ path: 'maxTextLength', code: 'MAX_LENGTH_INVALID', message: 'maxTextLength must be a whole number ≥ 0 (0: no limit)' })
  }
  for (const key of ['title', 'description', 'completedHtml', 'completedBeforeHtml', 'loadingHtml']) {
    if (survey[key] !== undefined && !isLocalizableString(survey[key])) issues.push({ path: key, code: 'TEXT_INVALID', message: `${key} must be a string or a map of locale to string` })
  }
  if (survey.completedHtmlOnCondition !== undefined) checkCompletedHtmlOnCondition(survey.completedHtmlOnCondition, issues)
  if (hasPages && Array.isArray(survey.pages)) {
    for (const { page, path } of pagesOf(survey)) {
      if (page === null || typeof page !== 'object' || Array.isArray(page)) {
        issues.push({ path, code: 'PAGE_INVALID', message: `${path} must be an object with an elements list` })
        continue
      }
      if (page.elements !== undefined && !Array.isArray(page.elements)) issues.push({ path: `${path}.elements`, code: 'ELEMENTS_MISSING', message: `${path}.elements must be a list` })
      checkCommon(page, path, report)
    }
  }
}

// Each item is `{ expression, html }`: the html is markup like completedHtml, stored cleaned.
function checkCompletedHtmlOnCondition(items: unknown, issues: DefinitionIssue[]) {
  if (!Array.isArray(items)) {
    issues.push({ path: 'completedHtmlOnCondition', code: 'TEXT_INVALID', message: 'completedHtmlOnCondition must be a list of { expression, html }' })
    return
  }
  items.forEach((item, i) => {
    const html = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).html : undefined
    if (!isLocalizableString(html)) issues.push({ path: `completedHtmlOnCondition[${i}].html`, code: 'TEXT_INVALID', message: `completedHtmlOnCondition[${i}].html must be a string or a map of locale to string` })
  })
}

function checkElements(survey: Record<string, unknown>, issues: DefinitionIssue[], expressions: ExpressionUse[]) {
  const report = { issues, expressions }
  const names = new Map<string, string>() // lower-cased name → path of its first use
  const answerNames = new Set<string>()
  const displayNames = new Set<string>()
  const otherComments = new Set<string>()
  for (const { element, path } of walkElements(survey)) {
    const kind = checkElement(element, path, report)
    if (kind !== 'answer' && !(kind === 'display' && element.type === 'expression')) continue
    const name = element.name
    if (typeof name !== 'string' || name.trim() === '') {
      issues.push({ path: `${path}.name`, code: 'MISSING_NAME', message: `${path} (${String(element.type)}) needs a non-empty name` })
      continue
    }
    if (badNameCharacters.test(name) || name !== name.trim()) {
      issues.push({ path: `${path}.name`, code: 'INVALID_NAME', message: `${path}.name "${name}" may not contain { } [ ] . , quotes, surrounding spaces or end in -Comment` })
    }
    const first = names.get(name.toLowerCase())
    if (first) issues.push({ path: `${path}.name`, code: 'DUPLICATE_NAME', message: `${path}.name "${name}" is already used at ${first} (names are compared ignoring case)` })
    else names.set(name.toLowerCase(), `${path}.name`)
    if (kind === 'answer') answerNames.add(name)
    else displayNames.add(name)
    if (element.showOtherItem === true) otherComments.add(`${name}${commentSuffix}`)
  }
  if (answerNames.size === 0 && issues.length === 0) issues.push({ path: '', code: 'NO_QUESTIONS', message: 'The survey has no question that takes an answer' })
  for (const { path, variables } of expressions) {
    for (const variable of variables) {
      const root = variableRoot(variable)
      if (answerNames.has(root) || otherComments.has(root)) continue
      const code = displayNames.has(root) ? 'EXPRESSION_REFERS_TO_DISPLAY_ONLY' : 'EXPRESSION_UNKNOWN_QUESTION'
      const why = displayNames.has(root) ? 'is computed in the browser and cannot be trusted by the server' : 'is not a question of this survey (names are case-sensitive)'
      issues.push({ path, code, message: `${path} refers to {${variable}}, which ${why}` })
    }
  }
}

/**
 * Checks a SurveyJS JSON document before it is saved: an object with pages/elements; only supported
 * question types (rating, radiogroup, checkbox, dropdown, text with inputType text/number/email/date/tel/url,
 * comment, matrix, boolean, ranking; html and expression display-only; panel containers); unique
 * non-empty question names; sane rating ranges; choices where needed; visibleIf/enableIf/requiredIf
 * expressions that parse with survey-core's parser and refer to existing questions; validators of
 * known kinds. Localizable strings are allowed wherever text is.
 * @param json the document as received
 * @returns the document typed as a survey, or every issue found
 * @example
 * const r = checkSurveyDefinition({ elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] })
 * if (!r.ok) throw surveyErrors.DEFINITION_INVALID({ issues: r.issues })
 */
export function checkSurveyDefinition(json: unknown): { ok: true; survey: SurveyJson } | { ok: false; issues: DefinitionIssue[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, issues: [{ path: '', code: 'NOT_AN_OBJECT', message: 'A survey is a JSON object with pages or elements' }] }
  }
  const survey = json as Record<string, unknown>
  const issues: DefinitionIssue[] = []
  const expressions: ExpressionUse[] = []
  checkDocument(survey, issues, expressions)
  checkElements(survey, issues, expressions)
  return issues.length === 0 ? { ok: true, survey: survey as SurveyJson } : { ok: false, issues }
}
