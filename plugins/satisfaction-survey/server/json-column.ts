/**
 * @module
 * JSON columns read back as text on SQLite and as values on PostgreSQL: one reader for both.
 */

/** @example fromJson<string[]>(row.locales) // ['zh-CN', 'en'] */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

/**
 * A new id with a prefix: 9 base-36 digits of the time, then 23 random hex digits (92 bits).
 * Time first, so ids of rows written together sit together in their unique indexes: an insert
 * touches the index's last pages instead of a random one (fewer pages written per commit).
 * @example newId('rsp') // 'rsp_0mbx3k2a1f3c9e0d2b4a6c8e…'
 */
export const newId = (prefix: string): string => `${prefix}_${Date.now().toString(36).padStart(9, '0')}${crypto.randomUUID().replace(/-/g, '').slice(0, 23)}`
