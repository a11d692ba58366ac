/**
 * @module
 * JSON columns read back as text on SQLite and as values on PostgreSQL: one reader for both.
 */

/** @example fromJson<string[]>(row.locales) // ['zh-CN', 'en'] */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T
