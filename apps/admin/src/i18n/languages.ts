/**
 * @module
 * The admin's languages, how the first one is chosen and where the choice is kept.
 */

/** Languages the admin is translated into. */
export const languages = ['en', 'zh-CN'] as const
export type Language = (typeof languages)[number]

/** localStorage key of the chosen language. */
export const languageStorageKey = 'rapport.admin.language'

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language)

const readStored = (): string | null => {
  try {
    return localStorage.getItem(languageStorageKey)
  } catch {
    return null
  }
}

/** The stored choice, else zh-CN for a Chinese browser, else English. */
export const initialLanguage = (): Language => {
  const stored = readStored()
  if (isLanguage(stored)) return stored
  const browser = typeof navigator === 'undefined' ? '' : navigator.language
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Remembers the chosen language for the next visit. */
export const storeLanguage = (language: Language): void => {
  try {
    localStorage.setItem(languageStorageKey, language)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Narrows any language tag to one the admin has (`zh`, `zh-Hans` → `zh-CN`). */
export const toLanguage = (tag: string | undefined): Language =>
  isLanguage(tag) ? tag : tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
