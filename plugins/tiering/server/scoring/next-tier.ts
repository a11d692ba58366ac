/**
 * @module
 * Applies the downgrade policy: an upgrade happens at once; a downgrade never, once the
 * current tier is older than the grace period, or only at a full re-evaluation.
 */
import type { TieringConfig } from '../config.js'
import { tierRank, type Tier } from '../../shared/vocabulary.js'

export type TierMove = {
  current: Tier | null
  computed: Tier
  /** When the current tier was reached (ISO). */
  since: string | null
  /** What is evaluating: an order or refund of this customer, or the full re-evaluation. */
  trigger: 'event' | 'reevaluation'
  now: Date
}

export type TierDecision = { tier: Tier; reason: 'initial' | 'upgrade' | 'downgrade' | 'unchanged' | 'downgradeHeld' }

const DAY_MS = 86_400_000

/** @example nextTier({ current: 'iron', computed: 'silver', since: null, trigger: 'event', now }, config.tiers) // { tier: 'silver', reason: 'upgrade' } */
export function nextTier({ current, computed, since, trigger, now }: TierMove, policy: Pick<TieringConfig['tiers'], 'downgrade' | 'graceDays'>): TierDecision {
  if (current === null) return { tier: computed, reason: 'initial' }
  if (computed === current) return { tier: current, reason: 'unchanged' }
  if (tierRank(computed) < tierRank(current)) return { tier: computed, reason: 'upgrade' }
  const held = { tier: current, reason: 'downgradeHeld' } as const
  if (policy.downgrade === 'never') return held
  if (policy.downgrade === 'atReevaluation') return trigger === 'reevaluation' ? { tier: computed, reason: 'downgrade' } : held
  const age = since === null ? Number.POSITIVE_INFINITY : (now.getTime() - Date.parse(since)) / DAY_MS
  return age >= policy.graceDays ? { tier: computed, reason: 'downgrade' } : held
}
