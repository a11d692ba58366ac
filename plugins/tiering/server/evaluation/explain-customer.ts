/**
 * @module
 * Why a customer is where they are: the tier (its basis and value, the percentile or range that
 * gives it, the downgrade policy and any held downgrade), each RFM score against the cut points,
 * the segment rule that matched, the recency status and its rhythm, and every ladder step's
 * conditions checked on the current profile. Read-only; computed from the stored row and config.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { checkConditions } from '../scoring/ladder-step.js'
import { basisValue } from '../scoring/value-tier.js'
import { customerRow } from '../store/customer-row.js'
import { loadCutPoints } from '../store/cut-points.js'
import { DAY_MS, dayNumber } from '@rapport/plugin-sdk'
import { LADDER, TIERS } from '../../shared/vocabulary.js'
import type { TieringContext } from './types.js'

const RANK_AMONG_SPENDERS = `SELECT SUM(CASE WHEN window_spend_minor > ? THEN 1 ELSE 0 END) AS above,
  SUM(CASE WHEN window_spend_minor > 0 THEN 1 ELSE 0 END) AS spenders FROM tiering_customers WHERE last_order_day IS NOT NULL`

/** @returns undefined when tiering has no record of the customer @example const why = await explainCustomer(ctx, ctx.db, customerId) */
export async function explainCustomer(ctx: TieringContext, q: Queryable, customerId: string) {
  const row = await customerRow(q, customerId)
  if (!row) return undefined
  const config = ctx.config
  const now = ctx.now()
  const cuts = await loadCutPoints(q)
  const profile = await ctx.readProfile(customerId, q)
  const spend = Number(row.window_spend_minor)
  const basis = config.tiers.mode === 'thresholds' ? config.tiers.basis : 'spend'
  const value = basisValue(basis, { spendMinor: spend, pointsBalance: Number(row.points_balance ?? 0), pointsLifetime: Number(row.points_lifetime ?? 0) })
  const rank = await q.get<{ above: number | null; spenders: number | null }>(RANK_AMONG_SPENDERS, [spend])
  const graceEnds = config.tiers.downgrade === 'gracePeriod' && row.below_since ? new Date(Date.parse(row.below_since) + config.tiers.graceDays * DAY_MS).toISOString() : null
  const seg = config.segments.findIndex((s) => row.recency !== null && row.frequency !== null && row.monetary !== null
    && [row.recency, row.frequency, row.monetary].every((v, i) => v >= s[(['r', 'f', 'm'] as const)[i]!][0] && v <= s[(['r', 'f', 'm'] as const)[i]!][1]))
  const ownGap = row.orders >= config.recency.minOrders && row.avg_gap_days !== null
  const gap = ownGap ? Math.max(Number(row.avg_gap_days), config.recency.minGapDays) : null
  return {
    customerId,
    evaluatedAt: row.evaluated_at,
    tier: {
      current: row.tier, since: row.tier_since, computed: row.next_tier, mode: config.tiers.mode, basis, value,
      ...(config.tiers.mode === 'percentile'
        ? { percentile: { spendersAbove: Number(rank?.above ?? 0), spenders: Number(rank?.spenders ?? 0), percentiles: config.tiers.percentiles, cutPoints: cuts?.tier ?? null } }
        : { thresholds: basis === 'spend' ? config.tiers.thresholds : config.tiers.pointsThresholds }),
      policy: { downgrade: config.tiers.downgrade, graceDays: config.tiers.graceDays, belowSince: row.below_since, downgradeHeld: row.next_tier !== null && row.tier !== null && TIERS.indexOf(row.next_tier) > TIERS.indexOf(row.tier), graceEndsAt: graceEnds },
    },
    rfm: {
      code: row.recency === null ? null : `${row.recency}${row.frequency}${row.monetary}`,
      recency: { score: row.recency, daysSinceLastOrder: row.last_order_day === null ? null : dayNumber(now, ctx.timeZone) - row.last_order_day, cutPoints: cuts?.recency ?? null },
      frequency: { score: row.frequency, windowOrders: row.window_orders, cutPoints: cuts?.frequency ?? null },
      monetary: { score: row.monetary, windowSpendMinor: spend, cutPoints: cuts?.monetary ?? null },
      windowDays: config.windowDays,
      cutPointsFrom: cuts ? { computedAt: cuts.computedAt, population: cuts.population, used: cuts.population >= config.minCutPointPopulation } : null,
      segment: { key: row.segment, rule: seg === -1 ? null : config.segments[seg]!, fallback: seg === -1 },
    },
    recencyStatus: {
      status: row.recency_status, basis: ownGap ? 'ownRhythm' : 'absolute', orders: row.orders, typicalGapDays: gap,
      atRiskAfterDays: gap === null ? config.recency.atRiskAfterDays : config.recency.atRiskFactor * gap,
      hibernatingAfterDays: gap === null ? config.recency.hibernatingAfterDays : config.recency.hibernatingFactor * gap,
    },
    ladder: {
      step: row.ladder, since: row.ladder_since,
      steps: LADDER.filter((s) => s !== 'prospect').map((step) => {
        const conditions = config.ladder[step as Exclude<typeof step, 'prospect'>]
        if (!conditions) return { step, automatic: false, holds: false, conditions: [] }
        const checked = checkConditions(conditions, profile)
        return { step, automatic: true, holds: checked.every((c) => c.holds), conditions: checked }
      }),
    },
  }
}
