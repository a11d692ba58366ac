/**
 * @module
 * The customer's step on the upgrade ladder: the highest step whose criteria all hold on the
 * profile (any plugin's fields), else 潜在 prospect. A missing value never satisfies a criterion.
 */
import type { ProfileSnapshot } from '@rapport/plugin-sdk'
import type { LadderCriterion, TieringConfig } from '../config.js'
import { LADDER, type LadderStep } from '../../shared/vocabulary.js'

/** @example holds({ field: 'tiering.orders', op: 'gte', value: 3 }, { 'tiering.orders': 4 }) // true */
export function holds({ field, op, value }: LadderCriterion, profile: ProfileSnapshot): boolean {
  const actual = profile[field]
  if (actual === undefined || actual === null) return false
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

/** @example ladderStep({ 'tiering.orders': 3 }, config.ladder) // { step: 'regular', reason: 'tiering.orders gte 3' } */
export function ladderStep(profile: ProfileSnapshot, ladder: TieringConfig['ladder']): { step: LadderStep; reason: string } {
  for (const step of [...LADDER].reverse()) {
    if (step === 'prospect') break
    const criteria = ladder[step]
    if (criteria?.every((k) => holds(k, profile))) {
      return { step, reason: criteria.map((k) => `${k.field} ${k.op}${k.value === undefined ? '' : ` ${JSON.stringify(k.value)}`}`).join(' and ') || 'no criteria' }
    }
  }
  return { step: 'prospect', reason: 'no step reached' }
}
