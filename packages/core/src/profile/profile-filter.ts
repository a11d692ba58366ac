/**
 * @module
 * Filters of the customer list on profile fields: `field:op:value` with ops eq, ne, gt, gte, lt,
 * lte, in (values separated by `|`) and exists (`field:exists`, or `:true` / `:false`). Each
 * becomes `id IN (…)` over the (field, value, customer_id) index of `core_profile_values`.
 */
import type { SqlValue } from '@rapport/db'
import { requestErrors } from '../errors/index.js'
import type { FieldSpec } from '../plugins/contract.js'
import { checkValue, isNumericKind, toColumns } from './profile-value.js'

/** The filter operators. @example FILTER_OPS.includes('in') // true */
export const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const
/** One of {@link FILTER_OPS}. */
export type FilterOp = (typeof FILTER_OPS)[number]

/** A SQL condition on `core_customers.id` and its parameters. */
export type SqlCondition = { sql: string; params: SqlValue[] }

const COMPARE: Record<Exclude<FilterOp, 'in' | 'exists'>, string> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }
const MAX_IN_VALUES = 100

/** REQUEST_INVALID (400) naming the parameter and what is wrong. */
const invalid = (path: string, message: string) => requestErrors.INVALID({ issues: [{ path, message }] })

/**
 * The declared field a list parameter names, or REQUEST_INVALID (400) naming it.
 * @example const spec = profileFieldOf(s.runtime.fields(), 'points.balance', 'sort')
 */
export function profileFieldOf(fields: ReadonlyMap<string, FieldSpec>, field: string, path: string): FieldSpec {
  const spec = fields.get(field)
  if (!spec) throw invalid(path, `unknown profile field ${field}`)
  return spec
}

/** The column a field's values live in. @example valueColumn('enum') // 'text_value' */
export const valueColumn = (kind: FieldSpec['kind']): 'num_value' | 'text_value' => (isNumericKind(kind) ? 'num_value' : 'text_value')

/** A filter value as the column holds it; booleans also accept 1/0, dates are made canonical. */
function operand(spec: FieldSpec, raw: string, field: string): SqlValue {
  let value: unknown = raw
  if (spec.kind === 'number' || spec.kind === 'integer') value = raw.trim() === '' ? Number.NaN : Number(raw)
  if (spec.kind === 'boolean') value = raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw
  const checked = checkValue(spec.kind === 'integer' ? { ...spec, kind: 'number' } : spec, value)
  if (!checked.ok) throw invalid('filter', `${field}: ${checked.problem}`)
  const { num, text } = toColumns(spec.kind, checked.value)
  return num ?? text
}

/**
 * Parses one `filter` parameter into a condition on the customer id.
 * @param fields - the declared fields
 * @param raw - `points.balance:gte:100`, `tiering.tier:in:gold|silver`, `points.memberSince:exists`
 * @example
 * parseProfileFilter(s.runtime.fields(), 'points.balance:gte:100')
 * // { sql: 'id IN (SELECT customer_id FROM core_profile_values WHERE field = ? AND num_value >= ?)', params: ['points.balance', 100] }
 */
export function parseProfileFilter(fields: ReadonlyMap<string, FieldSpec>, raw: string): SqlCondition {
  const first = raw.indexOf(':')
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1)
  const field = first < 0 ? raw : raw.slice(0, first)
  const op = (second < 0 ? raw.slice(first + 1) : raw.slice(first + 1, second)) as FilterOp
  const value = second < 0 ? undefined : raw.slice(second + 1)
  if (first < 0) throw invalid('filter', `${raw}: expected field:op:value`)
  const spec = profileFieldOf(fields, field, 'filter')
  if (!FILTER_OPS.includes(op)) throw invalid('filter', `${field}: unknown operator ${op}; expected one of ${FILTER_OPS.join(', ')}`)
  const rows = 'SELECT customer_id FROM core_profile_values WHERE field = ?'
  if (op === 'exists') {
    if (value !== undefined && value !== 'true' && value !== 'false') throw invalid('filter', `${field}: exists takes true or false`)
    return { sql: `id ${value === 'false' ? 'NOT IN' : 'IN'} (${rows})`, params: [field] }
  }
  if (value === undefined) throw invalid('filter', `${field}: ${op} needs a value`)
  const column = valueColumn(spec.kind)
  if (op === 'in') {
    const values = value.split('|')
    if (values.length > MAX_IN_VALUES) throw invalid('filter', `${field}: in takes at most ${MAX_IN_VALUES} values`)
    return { sql: `id IN (${rows} AND ${column} IN (${values.map(() => '?').join(', ')}))`, params: [field, ...values.map((v) => operand(spec, v, field))] }
  }
  return { sql: `id IN (${rows} AND ${column} ${COMPARE[op]} ?)`, params: [field, operand(spec, value, field)] }
}
