/**
 * @module
 * SurveyJS localizable strings as the builder edits them: English lives under `default`, Simplified
 * Chinese under `zh-cn` (the keys the customer page reads for `en` and `zh-CN`).
 */

/** A survey locale as the API names it. */
export type SurveyLocale = 'en' | 'zh-CN'
/** Every locale the builder offers. */
export const surveyLocales: readonly SurveyLocale[] = ['zh-CN', 'en']

/** The key inside a localizable string that holds `locale`'s text. */
export const localeKey = (locale: SurveyLocale): string => (locale === 'en' ? 'default' : 'zh-cn')

/** The text of `value` in `locale` ('' when missing); a plain string counts as every locale's text. */
export function textIn(value: unknown, locale: SurveyLocale): string {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return ''
  const texts = value as Record<string, unknown>
  const text = texts[localeKey(locale)] ?? (locale === 'en' ? texts.en : undefined)
  return typeof text === 'string' ? text : ''
}

/** `value` with `locale`'s text set to `text`; empty texts are dropped, and nothing left is `undefined`. */
export function withText(value: unknown, locale: SurveyLocale, text: string): Record<string, string> | undefined {
  const texts: Record<string, string> = {}
  if (typeof value === 'string' && value) texts.default = value
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'string') texts[k] = v
  const key = localeKey(locale)
  if (text) texts[key] = text
  else delete texts[key]
  return Object.keys(texts).length > 0 ? texts : undefined
}

/** The SurveyJS `locale` of a survey model for an API locale. */
export const modelLocale = (locale: SurveyLocale): string => (locale === 'zh-CN' ? 'zh-cn' : 'en')
