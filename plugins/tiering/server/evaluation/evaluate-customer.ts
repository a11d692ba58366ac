/**
 * @module
 * The incremental re-evaluation, run in the transaction of each order or refund of one customer:
 * window totals; R/F/M scores against the current cut points, or against everyone's stored
 * values while no full run has covered `minCutPointPopulation` customers; segment, recency status
 * and the tier the spend (or, on a points basis, the points read from the profile) earns. An upgrade applies at once, a downgrade per the policy.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { quintileScore, scoreFromCuts } from '../scoring/quintile-score.js'
import { recencyStatus } from '../scoring/recency-status.js'
import { segmentOf } from '../scoring/segment-of.js'
import { basisValue, thresholdTier, tierByPercentile, tierFromCuts } from '../scoring/value-tier.js'
import { customerRow } from '../store/customer-row.js'
import { loadCutPoints } from '../store/cut-points.js'
import { dayNumber, windowStart } from '../store/days.js'
import { liveStanding } from '../store/live-standing.js'
import { refreshPoints } from '../store/points-copy.js'
import { refreshWindowTotals } from '../store/window-totals.js'
import { applyEvaluation, type ApplyOptions } from './apply-evaluation.js'
import type { Evaluation, TieringContext } from './types.js'

/** @example await evaluateCustomer(ctx, tx, customerId, { trigger: 'event', reasonId: 'evaluate-on-order', key: event.id, eventSeq: event.seq }) */
export async function evaluateCustomer(ctx: TieringContext, tx: Queryable, customerId: string, options: ApplyOptions): Promise<void> {
  const config = ctx.config
  const now = ctx.now()
  const totals = await refreshWindowTotals(tx, customerId, windowStart(now, config.windowDays))
  const row = await customerRow(tx, customerId)
  if (!row || row.last_order_day === null) return
  const values = { lastOrderDay: row.last_order_day, windowOrders: totals.orders, windowSpendMinor: totals.spendMinor }
  const points = await refreshPoints(ctx, tx, customerId)
  const basis = { spendMinor: values.windowSpendMinor, ...points }
  const thresholds = config.tiers.mode === 'thresholds'
  const stored = await loadCutPoints(tx)
  const cuts = stored && stored.population >= config.minCutPointPopulation ? stored : undefined
  let scores: { recency: number; frequency: number; monetary: number }
  let percentileTier: Evaluation['computedTier']
  if (cuts) {
    scores = { recency: scoreFromCuts(values.lastOrderDay, cuts.recency), frequency: scoreFromCuts(values.windowOrders, cuts.frequency), monetary: scoreFromCuts(values.windowSpendMinor, cuts.monetary) }
    percentileTier = tierFromCuts(values.windowSpendMinor, cuts.tier)
  } else {
    const live = await liveStanding(tx, values)
    scores = { recency: quintileScore(live.recency), frequency: quintileScore(live.frequency), monetary: quintileScore(live.monetary) }
    percentileTier = tierByPercentile(values.windowSpendMinor, live.spend, config.tiers.percentiles)
  }
  const evaluation: Evaluation = {
    ...scores,
    segment: segmentOf({ r: scores.recency, f: scores.frequency, m: scores.monetary }, config.segments, config.fallbackSegment),
    recencyStatus: recencyStatus({ daysSinceLast: dayNumber(now) - values.lastOrderDay, orders: row.orders, avgGapDays: row.avg_gap_days }, config.recency),
    computedTier: thresholds ? thresholdTier(config.tiers, basis) : percentileTier,
    spendMinor: values.windowSpendMinor,
    basis: thresholds ? config.tiers.basis : 'spend',
    basisValue: thresholds ? basisValue(config.tiers.basis, basis) : values.windowSpendMinor,
  }
  await applyEvaluation(ctx, tx, row, evaluation, options)
}
