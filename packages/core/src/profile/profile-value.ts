/**
 * @module
 * How a profile value of each field kind is checked, stored in the two value columns and read
 * back: number, integer and boolean in `num_value` (boolean as 0/1), string, date and enum in
 * `text_value`.
 */
import type { FieldKind, FieldSpec, ProfileValue } from '../plugins/contract.js'

/** The longest string value, in characters: keeps every value indexable on PostgreSQL. @example value.length <= MAX_TEXT_VALUE_LENGTH */
export const MAX_TEXT_VALUE_LENGTH = 500

/** The two value columns of `core_profile_values`. */
export type StoredColumns = { num: number | null; text: string | null }

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * True for kinds stored in `num_value`.
 * @example isNumericKind('boolean') // true
 */
export const isNumericKind = (kind: FieldKind | undefined): boolean => kind === 'number' || kind === 'integer' || kind === 'boolean'

/**
 * Checks a value against a field's kind and returns it in canonical form (a date-time becomes
 * UTC ISO-8601), or a sentence saying what is wrong.
 * @param spec - the field's declaration
 * @param value - a non-null value a rule or plugin asked to set
 * @example
 * checkValue({ kind: 'date', label }, '2026-06-01T10:00:00+08:00') // { ok: true, value: '2026-06-01T02:00:00.000Z' }
 * checkValue({ kind: 'integer', label }, 1.5) // { ok: false, problem: 'expected an integer, got 1.5' }
 */
export function checkValue(spec: FieldSpec, value: unknown): { ok: true; value: ProfileValue } | { ok: false; problem: string } {
  // `got` is a function of the value, not a closure: checkValue runs for every change on the ingest path.
  switch (spec.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: `expected a finite number, got ${got(value)}` }
    case 'integer':
      return Number.isSafeInteger(value) ? { ok: true, value: value as number } : { ok: false, problem: `expected an integer, got ${got(value)}` }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, problem: `expected a boolean, got ${got(value)}` }
    case 'string':
      if (typeof value !== 'string') return { ok: false, problem: `expected a string, got ${got(value)}` }
      return value.length <= MAX_TEXT_VALUE_LENGTH ? { ok: true, value } : { ok: false, problem: `a string holds at most ${MAX_TEXT_VALUE_LENGTH} characters, got ${value.length}` }
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value)
        ? { ok: true, value }
        : { ok: false, problem: `expected one of ${(spec.values ?? []).join(', ')}, got ${got(value)}` }
    case 'date': {
      const date = typeof value === 'string' ? canonicalDate(value) : undefined
      return date === undefined ? { ok: false, problem: `expected a date (YYYY-MM-DD) or an ISO-8601 date-time, got ${got(value)}` } : { ok: true, value: date }
    }
    default:
      return { ok: false, problem: `unknown field kind ${String(spec.kind)}` }
  }
}

/** The value as an error message shows it. */
const got = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value))

function canonicalDate(value: string): string | undefined {
  if (DATE_ONLY.test(value)) {
    const time = Date.parse(`${value}T00:00:00.000Z`)
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value ? value : undefined
  }
  if (!DATE_TIME.test(value)) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/**
 * The column values for a checked value of this kind.
 * @example toColumns('boolean', true) // { num: 1, text: null }
 */
export function toColumns(kind: FieldKind, value: ProfileValue): StoredColumns {
  if (typeof value === 'boolean') return { num: value ? 1 : 0, text: null }
  if (typeof value === 'number') return { num: value, text: null }
  return isNumericKind(kind) ? { num: Number(value), text: null } : { num: null, text: value }
}

/**
 * A stored value typed back by its field's kind. A field nobody declares any more reads as
 * whichever column holds a value.
 * @example fromColumns('boolean', 1, null) // true
 */
export function fromColumns(kind: FieldKind | undefined, num: unknown, text: unknown): ProfileValue {
  if (kind === undefined) return num !== null && num !== undefined ? Number(num) : ((text as string | null) ?? null)
  if (!isNumericKind(kind)) return (text as string | null) ?? null
  if (num === null || num === undefined) return null
  return kind === 'boolean' ? Number(num) !== 0 : Number(num)
}
