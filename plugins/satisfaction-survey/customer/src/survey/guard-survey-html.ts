/**
 * @module
 * Makes what survey-core renders as HTML safe in the browser, whatever the stored JSON holds (a
 * survey stored before the server cleaned markup) and whatever the answers hold: survey-core
 * substitutes `{question}` values into html questions and the completed pages unescaped, so a
 * customer's answer `<img onerror=…>` would run in the admin's response page. Here values are
 * substituted as text, and the markup survey-core produces goes through DOMPurify with the
 * allowlist the server applies (shared/html-allowlist.ts) before survey-react-ui sets it as innerHTML.
 */
import DOMPurify, { type Config } from 'dompurify'
import type { SurveyModel } from 'survey-core'
import { allowedUrlPattern, newWindowRel, surveyHtmlSchemes, surveyHtmlTags } from '../../../shared/html-allowlist'

const config: Config = {
  ALLOWED_TAGS: Object.keys(surveyHtmlTags),
  ALLOWED_ATTR: [...new Set(Object.values(surveyHtmlTags).flat())],
  ALLOWED_URI_REGEXP: allowedUrlPattern(surveyHtmlSchemes),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
}

let purifier: ReturnType<typeof DOMPurify> | undefined
/** One DOMPurify instance of our own, so its hook changes no other user of the library. */
function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier
  purifier = DOMPurify(window)
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('target')) node.setAttribute('rel', newWindowRel)
  })
  return purifier
}

/**
 * Markup cleaned for innerHTML.
 * @example cleanHtml('<img src=x onerror=alert(1)>') // '<img src="x">'
 */
export const cleanHtml = (html: string): string => (html ? purify().sanitize(html, config) : html)

/** survey-core's getters that yield HTML for the survey's own pages (completed, completed before, loading). */
const surveyHtmlGetters = ['processedCompletedHtml', 'processedCompletedBeforeHtml', 'processedLoadingHtml'] as const

function getterOf(model: SurveyModel, key: string): (() => string) | undefined {
  for (let proto = Object.getPrototypeOf(model); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, key)?.get
    if (found) return found as () => string
  }
  return undefined
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** A substituted value as text inside markup: what a customer typed shows as typed, never as markup. */
const asText = (value: unknown): unknown =>
  value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' ? value : String(value).replace(/[&<>"']/g, (c) => entities[c]!)

/**
 * Guards what the model renders as HTML: its html questions and its completed, completed-before and
 * loading pages. While one of them is computed, `{question}` values are substituted as text
 * (escaped), and the result is cleaned with the allowlist. Call it right after `new Model(json)`;
 * returns the same model.
 * @example const survey = guardSurveyHtml(new Model(json))
 */
export function guardSurveyHtml(model: SurveyModel): SurveyModel {
  let drawing = 0
  const asHtml = (compute: () => string): string => {
    drawing++
    try { return cleanHtml(compute()) } finally { drawing-- }
  }
  model.onProcessDynamicText.add((_, text) => { if (drawing > 0) text.value = asText(text.value) })
  for (const question of model.getAllQuestions(false, false, true)) {
    if (question.getType() !== 'html') continue
    // What survey-react-ui renders is locHtml's text: survey-core substitutes {values} in calcText.
    const locHtml = (question as unknown as { locHtml: { calcText(): string } }).locHtml
    const calcText = locHtml.calcText.bind(locHtml)
    locHtml.calcText = () => asHtml(calcText)
  }
  for (const key of surveyHtmlGetters) {
    const original = getterOf(model, key)
    if (!original) throw new Error(`survey-core has no ${key}: check guardSurveyHtml against this version`)
    Object.defineProperty(model, key, { configurable: true, get: () => asHtml(() => original.call(model)) })
  }
  return model
}
