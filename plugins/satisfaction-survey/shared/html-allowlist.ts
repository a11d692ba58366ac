/**
 * @module
 * The markup a survey may hold where SurveyJS renders HTML (html questions, the completed page):
 * one allowlist that the server's sanitiser (sanitize-html, when a survey is stored) and the
 * pages' sanitiser (DOMPurify, when a survey is drawn) both apply. Text formatting, lists, tables,
 * links and images; no scripts, event handlers, styles, forms, frames, SVG or MathML.
 */

/** Allowed elements, each with the attributes it may carry. */
export const surveyHtmlTags: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], div: [], span: [], b: [], strong: [], i: [], em: [], u: [], s: [], small: [], sub: [], sup: [], mark: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: [], pre: [], code: [], ul: [], ol: [], li: [],
  table: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], caption: [],
  a: ['href', 'title', 'target', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
}

/** URL schemes allowed in `href`; images may also be `data:` URLs (the pages' CSP allows them). */
export const surveyHtmlSchemes: readonly string[] = ['http', 'https', 'mailto', 'tel']
/** Extra schemes allowed in an image's `src`. */
export const surveyImageSchemes: readonly string[] = ['data']

/** What a link that opens a new window always carries, so the survey page cannot be steered from it. */
export const newWindowRel = 'noopener noreferrer'

/**
 * A URL the allowlist accepts: an allowed scheme, or a relative URL (no scheme before the first
 * `/`, `?` or `#`). The same rule as DOMPurify's default, narrowed to our schemes.
 * @example allowedUrlPattern(surveyHtmlSchemes).test('javascript:alert(1)') // false
 */
export const allowedUrlPattern = (schemes: readonly string[]): RegExp =>
  new RegExp(`^(?:(?:${schemes.join('|')}):|[^a-z]|[a-z+.-]+(?:[^a-z+.\\-:]|$))`, 'i')
