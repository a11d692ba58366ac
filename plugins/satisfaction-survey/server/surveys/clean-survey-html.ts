/**
 * @module
 * Cleans the markup of a survey before it is stored: every property SurveyJS renders as HTML
 * (html questions' `html`, the survey's `completedHtml`, `completedBeforeHtml`, `loadingHtml` and
 * `completedHtmlOnCondition[].html`), in every locale, keeps only what shared/html-allowlist.ts
 * allows. Titles, descriptions and choice texts are drawn as text (Rapport sets no markdown
 * handler), so they are stored as written.
 */
import { createRequire } from 'node:module'
import type sanitizeHtml from 'sanitize-html'
import { newWindowRel, surveyHtmlSchemes, surveyHtmlTags, surveyImageSchemes } from '../../shared/html-allowlist.js'
import { walkElements } from '../validation/walk-elements.js'

const options: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(surveyHtmlTags),
  allowedAttributes: Object.fromEntries(Object.entries(surveyHtmlTags).map(([tag, attributes]) => [tag, [...attributes]])),
  allowedSchemes: [...surveyHtmlSchemes],
  allowedSchemesByTag: { img: [...surveyHtmlSchemes, ...surveyImageSchemes] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: attribs.target ? { ...attribs, rel: newWindowRel } : attribs }),
  },
}

/**
 * One piece of markup, cleaned.
 * @example cleanHtml('<b>Thanks</b><img src=x onerror=alert(1)>') // '<b>Thanks</b><img src="x" />'
 */
export function cleanHtml(html: string): string {
  // One pass can leave markup the parser reads differently the next time: `<p><mtext><table>` loses
  // the unknown element and becomes `<p><table></table></p>`, which a second pass splits into
  // `<p></p><table></table><p></p>`. Cleaning until nothing changes keeps "storing it again changes
  // nothing" true (found by reliability/survey-markup-fuzz).
  let cleaned = sanitizer()(html, options)
  for (let pass = 0; pass < 3; pass += 1) {
    const again = sanitizer()(cleaned, options)
    if (again === cleaned) break
    cleaned = again
  }
  return cleaned
}

let loaded: typeof sanitizeHtml | undefined
/** sanitize-html and its parser load when a survey is first saved, not at start (about 0.1 s of CPU and 16 MB). */
const sanitizer = (): typeof sanitizeHtml => (loaded ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml)

/** A localizable value (`"html"` or `{ default, "zh-cn", … }`) with each text cleaned; anything else as it was. */
function cleanLocalizable(value: unknown): unknown {
  if (typeof value === 'string') return cleanHtml(value)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).map(([locale, text]) => [locale, typeof text === 'string' ? cleanHtml(text) : text]))
}

/** Survey-level properties SurveyJS renders as HTML. */
const surveyHtmlKeys = ['completedHtml', 'completedBeforeHtml', 'loadingHtml'] as const

/**
 * Returns a copy of a checked survey document with its markup cleaned; the input is not changed.
 * @example const stored = cleanSurveyHtml(checked.survey)
 */
export function cleanSurveyHtml<T extends Record<string, unknown>>(survey: T): T {
  const copy = structuredClone(survey) as Record<string, unknown>
  for (const key of surveyHtmlKeys) if (copy[key] !== undefined) copy[key] = cleanLocalizable(copy[key])
  if (Array.isArray(copy.completedHtmlOnCondition)) {
    for (const item of copy.completedHtmlOnCondition) {
      if (item !== null && typeof item === 'object' && 'html' in item) item.html = cleanLocalizable(item.html)
    }
  }
  for (const { element } of walkElements(copy)) if (element.type === 'html' && element.html !== undefined) element.html = cleanLocalizable(element.html)
  return copy as T
}
