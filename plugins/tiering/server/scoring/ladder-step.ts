/**
 * @module
 * The customer's step on the upgrade ladder: the highest step whose conditions all hold on the
 * profile (any plugin's fields), else 潜在 prospect. A condition is a criterion or `anyOf`
 * several; a field with no value fails its criterion unless the criterion says `missing: 'holds'`.
 */
import type { ProfileSnapshot, ProfileValue } from '@rapport/plugin-sdk'
import type { LadderCondition, LadderCriterion, TieringConfig } from '../config.js'
import { LADDER, type LadderStep } from '../../shared/vocabulary.js'

/** @example holds({ field: 'tiering.orders', op: 'gte', value: 3 }, { 'tiering.orders': 4 }) // true */
export function holds({ field, op, value, missing = 'fails' }: LadderCriterion, profile: ProfileSnapshot): boolean {
  const actual = profile[field]
  if (actual === undefined || actual === null) return missing === 'holds'
  switch (op) {
    case 'exists': return true
    case 'eq': return actual === value
    case 'ne': return actual !== value
    case 'in': return Array.isArray(value) && (value as unknown[]).includes(actual)
    default: {
      if (typeof actual !== 'number' || typeof value !== 'number') return false
      return op === 'gt' ? actual > value : op === 'gte' ? actual >= value : op === 'lt' ? actual < value : actual <= value
    }
  }
}

/** How a criterion reads in reasons: `tiering.orders gte 3`. */
export const describeCriterion = (k: LadderCriterion): string => `${k.field} ${k.op}${k.value === undefined ? '' : ` ${JSON.stringify(k.value)}`}`

/** One criterion checked on a profile, for the explain. */
export type CheckedCriterion = { field: string; op: string; value?: unknown; actual: ProfileValue | null; holds: boolean }
/** One condition checked: a criterion, or an `anyOf` group with each member. */
export type CheckedCondition = CheckedCriterion | { anyOf: CheckedCriterion[]; holds: boolean }

const check = (k: LadderCriterion, profile: ProfileSnapshot): CheckedCriterion =>
  ({ field: k.field, op: k.op, ...(k.value === undefined ? {} : { value: k.value }), actual: profile[k.field] ?? null, holds: holds(k, profile) })

/** @example checkConditions(config.ladder.regular!, profile) // [{ field: 'tiering.orders', op: 'gte', value: 3, actual: 4, holds: true }] */
export function checkConditions(conditions: LadderCondition[], profile: ProfileSnapshot): CheckedCondition[] {
  return conditions.map((c) => {
    if (!('anyOf' in c)) return check(c, profile)
    const anyOf = c.anyOf.map((k) => check(k, profile))
    return { anyOf, holds: anyOf.some((k) => k.holds) }
  })
}

/** The reason of a reached step: the criteria that held (of a group, the first that held). */
function reasonOf(checked: CheckedCondition[]): string {
  return checked.map((c) => describeCriterion(('anyOf' in c ? c.anyOf.find((k) => k.holds)! : c) as LadderCriterion)).join(' and ') || 'no criteria'
}

/** @example ladderStep({ 'tiering.orders': 3 }, config.ladder) // { step: 'regular', reason: 'tiering.orders gte 3' } */
export function ladderStep(profile: ProfileSnapshot, ladder: TieringConfig['ladder']): { step: LadderStep; reason: string } {
  for (const step of [...LADDER].reverse()) {
    if (step === 'prospect') break
    const conditions = ladder[step]
    if (!conditions) continue
    const checked = checkConditions(conditions, profile)
    if (checked.every((c) => c.holds)) return { step, reason: reasonOf(checked) }
  }
  return { step: 'prospect', reason: 'no step reached' }
}
