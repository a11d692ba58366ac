/**
 * @module
 * Localizable strings: SurveyJS accepts `"text"` or `{ default: "text", "zh-cn": "文本", en: "text" }`
 * wherever a text is shown.
 */

/** Whether a value is a plain string or a locale → string map. */
export function isLocalizableString(value: unknown): boolean {
  if (typeof value === 'string') return true
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.values(value).every((text) => typeof text === 'string')
}

/** The text to use in an English developer message: `default`, then `en`, then any locale. */
export function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value === null || typeof value !== 'object') return undefined
  const map = value as Record<string, unknown>
  const text = map.default ?? map.en ?? Object.values(map)[0]
  return typeof text === 'string' ? text : undefined
}
