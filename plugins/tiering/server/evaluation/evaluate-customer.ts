/**
 * @module
 * The incremental evaluation, run in the transaction of each order or refund of one customer, at
 * the event's time: the customer's own values (one read off their orders and row), the profile
 * (read once, for points and the ladder), R/F/M against the cached cut points (or, while the
 * population is too small for cut points, against everyone's stored values), segment, recency
 * status and the tier the spend (or, on a points basis, the points) earns. An upgrade applies at
 * once, a downgrade per the policy. A customer whose every order was refunded in full leaves RFM.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { quintileScore, scoreFromCuts } from '../scoring/quintile-score.js'
import { recencyStatus } from '../scoring/recency-status.js'
import { segmentOf } from '../scoring/segment-of.js'
import { basisValue, thresholdTier, tierByPercentile, tierFromCuts } from '../scoring/value-tier.js'
import { customerTotals, type Totals } from '../store/customer-totals.js'
import { rfmWindow } from '../store/days.js'
import { rememberWrite } from '../store/row-memo.js'
import { pointsOf } from '../store/points-copy.js'
import { applyEvaluation, applyUnscored, type ApplyOptions } from './apply-evaluation.js'
import { currentCutPoints } from './current-cut-points.js'
import type { Evaluation, TieringContext } from './types.js'

const TOTALS_STORED = ['orders', 'spend_minor', 'first_order_at', 'last_order_at', 'last_order_day', 'avg_gap_days', 'window_orders', 'window_spend_minor', 'window_since']
const STORE_TOTALS = `INSERT INTO tiering_customers (customer_id, orders, spend_minor, first_order_at, last_order_at, last_order_day, avg_gap_days, window_orders, window_spend_minor, window_since)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, spend_minor = excluded.spend_minor,
  first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at, last_order_day = excluded.last_order_day,
  avg_gap_days = excluded.avg_gap_days, window_orders = excluded.window_orders, window_spend_minor = excluded.window_spend_minor, window_since = excluded.window_since`

/** Stores the customer's totals before the population is read, so they count in it. @example await storeTotals(tx, id, totals) */
export async function storeTotals(tx: Queryable, customerId: string, t: Totals): Promise<void> {
  const values = [t.orders, t.spendMinor, t.firstOrderAt, t.lastOrderAt, t.lastOrderDay, t.avgGapDays, t.windowOrders, t.windowSpendMinor, t.windowSince]
  await tx.run(STORE_TOTALS, [customerId, ...values])
  rememberWrite(tx, customerId, TOTALS_STORED, values)
}

/** @example await evaluateCustomer(ctx, tx, customerId, { trigger: 'event', reasonId: 'evaluate-on-order', key: event.id, eventSeq: event.seq, at: new Date(event.occurredAt) }) */
export async function evaluateCustomer(ctx: TieringContext, tx: Queryable, customerId: string, options: ApplyOptions): Promise<void> {
  const config = ctx.config
  const at = options.at
  const window = rfmWindow(at, config.windowDays, ctx.timeZone)
  const { row: stored, totals } = await customerTotals(tx, customerId, window, ctx.timeZone)
  if (!stored && totals.lastOrderDay === null) return
  const profile = await ctx.readProfile(customerId, tx)
  const points = pointsOf(profile)
  const row = stored ?? { customer_id: customerId, tier: null, tier_since: null, below_since: null, ladder: null, recency: null }
  if (totals.lastOrderDay === null) return applyUnscored(ctx, tx, row, { totals, points, profile }, options)
  const values = { lastOrderDay: totals.lastOrderDay, windowOrders: totals.windowOrders, windowSpendMinor: totals.windowSpendMinor }
  const basis = { spendMinor: values.windowSpendMinor, ...points }
  const thresholds = config.tiers.mode === 'thresholds'
  let scores: { recency: number; frequency: number; monetary: number }
  let percentileTier: Evaluation['computedTier']
  // The population is read only while cut points are missing or untrusted: the customer counts in it then.
  const scoring = await currentCutPoints(ctx, tx, values, at, () => storeTotals(tx, customerId, totals))
  if ('cuts' in scoring) {
    const { cuts } = scoring
    scores = { recency: scoreFromCuts(values.lastOrderDay, cuts.recency), frequency: scoreFromCuts(values.windowOrders, cuts.frequency), monetary: scoreFromCuts(values.windowSpendMinor, cuts.monetary) }
    percentileTier = tierFromCuts(values.windowSpendMinor, cuts.tier)
  } else {
    const { live } = scoring
    scores = { recency: quintileScore(live.recency), frequency: quintileScore(live.frequency), monetary: quintileScore(live.monetary) }
    percentileTier = tierByPercentile(values.windowSpendMinor, live.spend, config.tiers.percentiles)
  }
  const evaluation: Evaluation = {
    ...scores,
    segment: segmentOf({ r: scores.recency, f: scores.frequency, m: scores.monetary }, config.segments, config.fallbackSegment),
    recencyStatus: recencyStatus({ daysSinceLast: window.today - values.lastOrderDay, orders: totals.orders, avgGapDays: totals.avgGapDays }, config.recency),
    computedTier: thresholds ? thresholdTier(config.tiers, basis) : percentileTier,
    spendMinor: values.windowSpendMinor,
    basis: thresholds ? config.tiers.basis : 'spend',
    basisValue: thresholds ? basisValue(config.tiers.basis, basis) : values.windowSpendMinor,
  }
  await applyEvaluation(ctx, tx, row, evaluation, options, { totals, points, profile })
}

/** Only the customer's totals, as of `at` (a catch-up records; the full re-evaluation after it scores). @example await refreshTotals(ctx, tx, customerId, at) */
export async function refreshTotals(ctx: TieringContext, tx: Queryable, customerId: string, at: Date): Promise<void> {
  const { row, totals } = await customerTotals(tx, customerId, rfmWindow(at, ctx.config.windowDays, ctx.timeZone), ctx.timeZone)
  if (row || totals.lastOrderDay !== null) await storeTotals(tx, customerId, totals)
}
