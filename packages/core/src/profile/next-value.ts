/**
 * @module
 * Computes a field's next value from its previous one and one requested change
 * (`set`, `add`, `max`, `min`, `unset`). Pure, so rules, plugin writes and rebuilds agree.
 */
import type { FieldSpec, ProfileValue } from '../plugins/contract.js'
import { checkValue } from './profile-value.js'

/** The operations of a `FieldChange`. @example PROFILE_OPS.includes('max') // true */
export const PROFILE_OPS = ['set', 'add', 'max', 'min', 'unset'] as const
/** One of {@link PROFILE_OPS}. */
export type ProfileOp = (typeof PROFILE_OPS)[number]

/** A change, understood: `next` undefined means the value is removed. */
export type ComputedChange = { op: ProfileOp; operand: ProfileValue; next: ProfileValue | undefined }

type Result = ({ ok: true } & ComputedChange) | { ok: false; problem: string }

/**
 * The next value of a field. `add` on an empty value starts from 0, `max` and `min` from the
 * operand; `set: null` removes the value like `unset`. Arithmetic only on number and integer fields.
 * @param spec - the field's declaration
 * @param change - what a rule or plugin returned for this field (checked here)
 * @param previous - the current value, undefined when unset
 * @example
 * nextValue({ kind: 'integer', label }, { add: 2 }, undefined) // { ok: true, op: 'add', operand: 2, next: 2 }
 * nextValue({ kind: 'number', label }, { max: 5 }, 9)          // { ok: true, op: 'max', operand: 5, next: 9 }
 */
export function nextValue(spec: FieldSpec, change: unknown, previous: ProfileValue | undefined): Result {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return { ok: false, problem: 'a change must be an object such as { set: value }' }
  const keys = Object.keys(change)
  const op = keys[0] as ProfileOp
  if (keys.length !== 1 || !PROFILE_OPS.includes(op)) return { ok: false, problem: `a change has exactly one of ${PROFILE_OPS.join(', ')}, got ${keys.join(', ') || 'none'}` }
  const operand = (change as Record<string, unknown>)[op]

  if (op === 'unset') return operand === true ? { ok: true, op, operand: true, next: undefined } : { ok: false, problem: 'unset takes true' }
  if (op === 'set') {
    if (operand === null) return { ok: true, op, operand: null, next: undefined }
    const checked = checkValue(spec, operand)
    return checked.ok ? { ok: true, op, operand: checked.value, next: checked.value } : checked
  }

  if (spec.kind !== 'number' && spec.kind !== 'integer') return { ok: false, problem: `${op} needs a number or integer field` }
  const checked = checkValue(spec, operand)
  if (!checked.ok) return checked
  const by = checked.value as number
  const base = typeof previous === 'number' ? previous : undefined
  const next = op === 'add' ? (base ?? 0) + by : base === undefined ? by : op === 'max' ? Math.max(base, by) : Math.min(base, by)
  const result = checkValue(spec, next)
  return result.ok ? { ok: true, op, operand: by, next: result.value } : { ok: false, problem: `${op} ${by} gives ${next}: ${result.problem}` }
}
