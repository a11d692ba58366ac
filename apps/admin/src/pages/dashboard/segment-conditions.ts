/**
 * @module
 * A segment as the dashboard builds it: conditions on profile fields, all of which must hold,
 * turned into the `field:op:value` filters the API takes.
 */
import type { PluginProfileField } from '../../api/types'

/** One condition: a field, an operator the field's kind allows, and a value; `key` identifies the row. */
export type SegmentCondition = { key: number; field: string; op: string; value: string }

let lastKey = 0

/** Operators offered per field kind. */
export const operatorsFor = (kind: string): readonly string[] =>
  kind === 'enum' || kind === 'boolean' ? ['eq', 'ne'] : kind === 'string' ? ['eq', 'ne', 'exists'] : ['gte', 'lte', 'eq', 'exists']

/** The API filter of a complete condition; undefined while it still lacks a value. */
export const toFilter = ({ field, op, value }: SegmentCondition): string | undefined =>
  op === 'exists' ? `${field}:exists` : value === '' ? undefined : `${field}:${op}:${value}`

/** The API filters of every complete condition. */
export const toFilters = (conditions: readonly SegmentCondition[]): string[] =>
  conditions.map(toFilter).filter((f): f is string => f !== undefined)

/** A new condition on `field`, with its kind's first operator (and first value when it has a list). */
export const conditionOn = (field: PluginProfileField, key = ++lastKey): SegmentCondition => ({
  key,
  field: field.field,
  op: operatorsFor(field.kind)[0]!,
  value: field.kind === 'boolean' ? 'true' : (field.values?.[0] ?? ''),
})
