/**
 * @module
 * Normalises bound values so both drivers accept the same inputs.
 */
import type { SqlValue } from './types.js'

/**
 * Maps values the drivers disagree on: booleans become 1/0 (better-sqlite3 refuses to bind them,
 * and table-kit stores booleans as integers on both dialects), `undefined` becomes NULL, and a
 * `Date` becomes its ISO-8601 UTC string (times are stored as text).
 * @param params - the values bound to `?` placeholders; may contain stray booleans from untyped callers
 * @example
 * bindParams([true, undefined, 3]) // [1, null, 3]
 */
export function bindParams(params: readonly unknown[] | undefined): SqlValue[] {
  if (params === undefined || params.length === 0) return []
  // Nearly every call binds only strings, numbers and nulls: pass the caller's array on then
  // (no copy per statement; the drivers only read it).
  return params.every(isBindable) ? (params as SqlValue[]) : params.map(bindValue)
}

function isBindable(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || value instanceof Uint8Array
}

function bindValue(value: unknown): SqlValue {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value as SqlValue
}
