/**
 * @module
 * The implementation of `tiering.progress`: where a customer stands against the next tier up and
 * when their tier is next reviewed, for pages that show it (the member's own page). It reads
 * tiering's own rows and config, so other plugins never read tiering's tables.
 */
import type { TierProgress } from '../contract.js'
import type { TieringContext } from './evaluation/types.js'
import { loadCutPoints } from './store/cut-points.js'
import { customerRow } from './store/customer-row.js'
import { TIERS, type Tier } from '../shared/vocabulary.js'

const DAY_MS = 86_400_000
const REVIEW_HOUR_UTC = 3 // REEVALUATE_CRON: '0 3 * * *'

/** The next nightly re-evaluation after `now`. */
function nextNightly(now: Date): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), REVIEW_HOUR_UTC))
  return (at.getTime() <= now.getTime() ? new Date(at.getTime() + DAY_MS) : at).toISOString()
}

/** @example ctx.provide('tiering.progress', tierProgress(ctx)) */
export const tierProgress = (ctx: TieringContext) =>
  async function progressOf(customerId: string, now: Date): Promise<TierProgress> {
    const row = await customerRow(ctx.db, customerId)
    const tier: Tier | null = row?.tier ?? null
    const above = TIERS[TIERS.indexOf(tier ?? 'iron') - 1] ?? null
    const tiers = ctx.config.tiers
    const basis = tiers.mode === 'thresholds' ? tiers.basis : 'spend'
    const value = basis === 'spend' ? Number(row?.window_spend_minor ?? 0) : Number((basis === 'pointsBalance' ? row?.points_balance : row?.points_lifetime) ?? 0)
    let target: number | null = null
    if (above && tiers.mode === 'thresholds') target = basis === 'spend' ? tiers.thresholds[above].minMinor : tiers.pointsThresholds[above].min
    else if (above) target = (await loadCutPoints(ctx.db))?.tier[above] ?? null
    // A downgrade can only happen at a review: the nightly run, the end of the grace period, or never.
    const reviewAt = tier === null || tiers.downgrade === 'never' ? null
      : tiers.downgrade === 'atReevaluation' ? nextNightly(now)
        : row?.below_since ? new Date(Date.parse(row.below_since) + tiers.graceDays * DAY_MS).toISOString() : null
    return { tier, next: above, basis, value, target, remaining: target === null ? null : Math.max(0, target - value), windowDays: ctx.config.windowDays, reviewAt }
  }
