/**
 * @module
 * Column defaults are written into DDL, so they must be SQL literals valid on both dialects.
 */
import type { DefaultValue } from './column.js'

/**
 * Renders a default as a SQL literal: strings single-quoted (quotes doubled), booleans 1/0
 * (they live in integer columns), finite numbers as written, null as NULL.
 * @param value - the declared default
 * @example
 * sqlLiteral("it's") // "'it''s'"
 * sqlLiteral(true) // '1'
 */
export function sqlLiteral(value: DefaultValue): string {
  if (value === null) return 'NULL'
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Default ${value} is not a finite number`)
    return String(value)
  }
  return `'${value.replace(/'/g, "''")}'`
}
