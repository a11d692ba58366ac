/**
 * @module
 * Applies the downgrade policy: an upgrade happens at once; a downgrade never, once the customer
 * has qualified only for a lower tier for the whole grace period, or only at a full
 * re-evaluation. It also says since when the customer has been below their tier, so the grace
 * period survives from one evaluation to the next.
 */
import type { TieringConfig } from '../config.js'
import { tierRank, type Tier } from '../../shared/vocabulary.js'

export type TierMove = {
  current: Tier | null
  computed: Tier
  /** Since when the computed tier has been below the current one (ISO), null while it is not. */
  belowSince: string | null
  /** What is evaluating: an order or refund of this customer, or the full re-evaluation. */
  trigger: 'event' | 'reevaluation'
  now: Date
}

export type TierDecision = {
  tier: Tier
  reason: 'initial' | 'upgrade' | 'downgrade' | 'unchanged' | 'downgradeHeld'
  /** To store: since when the customer qualifies only for a lower tier, null when they do not. */
  belowSince: string | null
}

const DAY_MS = 86_400_000

/** @example nextTier({ current: 'iron', computed: 'silver', belowSince: null, trigger: 'event', now }, config.tiers) // { tier: 'silver', reason: 'upgrade', belowSince: null } */
export function nextTier({ current, computed, belowSince, trigger, now }: TierMove, policy: Pick<TieringConfig['tiers'], 'downgrade' | 'graceDays'>): TierDecision {
  if (current === null) return { tier: computed, reason: 'initial', belowSince: null }
  if (computed === current) return { tier: current, reason: 'unchanged', belowSince: null }
  if (tierRank(computed) < tierRank(current)) return { tier: computed, reason: 'upgrade', belowSince: null }
  const since = belowSince ?? now.toISOString()
  const held = { tier: current, reason: 'downgradeHeld', belowSince: since } as const
  const downgrade = { tier: computed, reason: 'downgrade', belowSince: null } as const
  if (policy.downgrade === 'never') return held
  if (policy.downgrade === 'atReevaluation') return trigger === 'reevaluation' ? downgrade : held
  return (now.getTime() - Date.parse(since)) / DAY_MS >= policy.graceDays ? downgrade : held
}
