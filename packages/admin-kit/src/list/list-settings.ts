/**
 * @module
 * What one person chose for one list, kept in the browser (localStorage) under their user id:
 * the columns they hide and their order, the table's density and their named filters. A missing or
 * unreadable entry gives the defaults, so a broken value never breaks the page.
 */

/** antd's table sizes: `large` is antd's default, `small` the compact one. */
export type ListDensity = 'large' | 'middle' | 'small'

/** A named set of filters, as the page that saved it understands them. */
export type SavedFilter = { name: string; filters: Record<string, unknown> }

/** One person's settings of one list. */
export type ListSettings = {
  /** Keys of the columns they hid. */
  hidden: string[]
  /** Column keys in the order they chose; keys not listed keep the page's order after them. */
  order: string[]
  density: ListDensity
  savedFilters: SavedFilter[]
}

/** The settings of a list nobody has touched. */
export const defaultListSettings = (density: ListDensity = 'middle'): ListSettings => ({ hidden: [], order: [], density, savedFilters: [] })

/** The storage key: per user, so people sharing a browser keep their own. */
export const listSettingsKey = (userId: string, listId: string): string => `rapport.list.${userId}.${listId}`

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')
const isDensity = (v: unknown): v is ListDensity => v === 'large' || v === 'middle' || v === 'small'
const isSaved = (v: unknown): v is SavedFilter[] =>
  Array.isArray(v) && v.every((f) => typeof f?.name === 'string' && typeof f.filters === 'object' && f.filters !== null)

/** Reads the settings, falling back field by field to the defaults. @example readListSettings('usr_1', 'customers') */
export function readListSettings(userId: string, listId: string, fallback = defaultListSettings()): ListSettings {
  let stored: Record<string, unknown> = {}
  try {
    stored = JSON.parse(localStorage.getItem(listSettingsKey(userId, listId)) ?? '{}') ?? {}
  } catch {
    // A value another version wrote, or a hand edit: start again from the defaults.
  }
  return {
    hidden: isStrings(stored.hidden) ? stored.hidden : fallback.hidden,
    order: isStrings(stored.order) ? stored.order : fallback.order,
    density: isDensity(stored.density) ? stored.density : fallback.density,
    savedFilters: isSaved(stored.savedFilters) ? stored.savedFilters : fallback.savedFilters,
  }
}

/** Stores the settings; a full or forbidden storage only loses the choice, never the page. */
export function writeListSettings(userId: string, listId: string, settings: ListSettings): void {
  try {
    localStorage.setItem(listSettingsKey(userId, listId), JSON.stringify(settings))
  } catch {
    // Private mode or a full quota: the choice lasts for this visit only.
  }
}
