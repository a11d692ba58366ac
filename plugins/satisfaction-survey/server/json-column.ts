/**
 * @module
 * JSON columns read back as text on SQLite and as values on PostgreSQL: one reader for both.
 */

/** @example fromJson<string[]>(row.locales) // ['zh-CN', 'en'] */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

/** A new id with a prefix. @example newId('srv') // 'srv_3f…' */
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`
