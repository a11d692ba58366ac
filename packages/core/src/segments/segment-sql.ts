/**
 * @module
 * Turns a segment definition into one SQL condition on `core_customers.id`, reusing the customer
 * list's profile filters (`field:op:value`) for each condition and joining them with AND / OR.
 */
import { requestErrors } from '../errors/index.js'
import { RapportError } from '../errors/rapport-error.js'
import type { FieldSpec } from '../plugins/contract.js'
import { parseProfileFilter, type SqlCondition } from '../profile/profile-filter.js'
import type { SegmentCondition, SegmentDefinition } from './segment-schemas.js'

/** The `field:op:value` filter of one condition; lists become `a|b`, `exists` defaults to true. */
export function conditionFilter({ field, op, value }: SegmentCondition): string {
  if (op === 'exists') return `${field}:exists${value === undefined ? '' : `:${String(value)}`}`
  if (value === undefined) return `${field}:${op}`
  if (Array.isArray(value)) return `${field}:${op}:${value.map(String).join('|')}`
  return `${field}:${op}:${String(value)}`
}

/** REQUEST_INVALID (400) naming the condition's place in the definition. */
function atCondition(path: string, err: unknown): never {
  if (err instanceof RapportError && err.code === 'REQUEST_INVALID') {
    const issues = (err.details as { issues?: Array<{ message: string }> } | undefined)?.issues ?? []
    throw requestErrors.INVALID({ issues: issues.map((i) => ({ path, message: i.message })) })
  }
  throw err
}

/** Checks a list is given to `in` only, so `in: 5` and `gte: [1, 2]` are named rather than guessed. */
function checkShape(c: SegmentCondition, path: string): void {
  const list = Array.isArray(c.value)
  if (c.op === 'in' && !list) throw requestErrors.INVALID({ issues: [{ path, message: `${c.field}: in takes a list of values` }] })
  if (c.op !== 'in' && list) throw requestErrors.INVALID({ issues: [{ path, message: `${c.field}: ${c.op} takes one value, not a list` }] })
  if (c.op === 'exists' && c.value !== undefined && typeof c.value !== 'boolean') throw requestErrors.INVALID({ issues: [{ path, message: `${c.field}: exists takes true or false` }] })
}

/**
 * The SQL condition selecting a definition's customers (on `core_customers`' own `id` column).
 * @param fields - the declared profile fields, `s.runtime.fields()`
 * @param definition - the segment's groups
 * @throws REQUEST_INVALID (400) whose issue path names the bad condition, `definition.groups.0.conditions.1`
 * @example
 * const { sql, params } = segmentCondition(s.runtime.fields(), { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'points.balance', op: 'gte', value: 100 }] }] })
 * await db.get(`SELECT COUNT(*) AS n FROM core_customers WHERE ${sql}`, params)
 */
export function segmentCondition(fields: ReadonlyMap<string, FieldSpec>, definition: SegmentDefinition): SqlCondition {
  const groups = definition.groups.map((group, g) => {
    const parts = group.conditions.map((condition, i) => {
      const path = `definition.groups.${g}.conditions.${i}`
      try {
        checkShape(condition, path)
        return parseProfileFilter(fields, conditionFilter(condition))
      } catch (err) {
        return atCondition(path, err)
      }
    })
    const joiner = group.match === 'any' ? ' OR ' : ' AND '
    return { sql: `(${parts.map((p) => p.sql).join(joiner)})`, params: parts.flatMap((p) => p.params) }
  })
  const joiner = definition.match === 'any' ? ' OR ' : ' AND '
  return { sql: `(${groups.map((g) => g.sql).join(joiner)})`, params: groups.flatMap((g) => g.params) }
}
