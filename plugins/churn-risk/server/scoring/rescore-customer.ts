/**
 * @module
 * Scores one customer now and records it: upserts `churn_risk_scores`, mirrors the changed
 * fields to the profile (recorded with the reason), emits `churn.risk.high` when the customer
 * crosses into the high band, and makes the automatic win-back offer when configured. Runs in
 * the caller's transaction (an event's, the nightly job's).
 */
import type { PluginContext, ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import type { ChurnConfig } from '../config.js'
import { churnScore, type Band, type ChurnScore } from '../model/churn-score.js'
import { offerWinBack } from '../win-back/offer-win-back.js'
import { inputsOf } from './inputs-of.js'

const PREVIOUS = 'SELECT band FROM churn_risk_scores WHERE customer_id = ?'
const UPSERT = `INSERT INTO churn_risk_scores (customer_id, score, band, rhythm_points, satisfaction_points, complaint_points, tier_downgrade_points,
  p_active, typical_gap_days, last_order_at, revenue_at_stake_minor, currency, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, band = excluded.band, rhythm_points = excluded.rhythm_points,
  satisfaction_points = excluded.satisfaction_points, complaint_points = excluded.complaint_points, tier_downgrade_points = excluded.tier_downgrade_points,
  p_active = excluded.p_active, typical_gap_days = excluded.typical_gap_days, last_order_at = excluded.last_order_at,
  revenue_at_stake_minor = excluded.revenue_at_stake_minor, currency = excluded.currency, scored_at = excluded.scored_at`

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

/** What one rescore did. */
export type Rescored = { result: ChurnScore; previousBand: Band | null; crossedHigh: boolean } | undefined

/**
 * @param reason - recorded with each profile change (`nightly-rescore`, `on-order`, …)
 * @returns undefined when the customer has nothing to score on (no order, no signal)
 * @example await rescoreCustomer(ctx, tx, customerId, { id: 'on-order', eventSeq: event.seq })
 */
export async function rescoreCustomer(ctx: PluginContext<ChurnConfig>, tx: Queryable, customerId: string, reason: { id: string; eventSeq?: number }): Promise<Rescored> {
  const profile = await ctx.readProfile(customerId, tx)
  const inputs = inputsOf(profile)
  const now = ctx.now()
  const result = churnScore(inputs, now, ctx.config)
  const previous = await tx.get<{ band: Band }>(PREVIOUS, [customerId])
  if (!previous && inputs.orders === 0 && result.score === 0) return undefined
  const scoredAt = now.toISOString()
  const currency = typeof profile['churnRisk.currency'] === 'string' ? profile['churnRisk.currency'] : null
  await tx.run(UPSERT, [
    customerId, result.score, result.band, result.parts.rhythm, result.parts.satisfaction, result.parts.complaints, result.parts.tierDowngrade,
    result.rhythm ? round(result.rhythm.pActive, 4) : null, result.rhythm ? round(result.rhythm.typicalGapDays, 1) : null,
    inputs.lastOrderAt ?? null, result.revenueAtStakeMinor, currency, scoredAt,
  ])
  const next: Record<string, number | string | undefined> = {
    'churnRisk.score': result.score, 'churnRisk.band': result.band,
    'churnRisk.rhythmPoints': result.parts.rhythm, 'churnRisk.satisfactionPoints': result.parts.satisfaction,
    'churnRisk.complaintPoints': result.parts.complaints, 'churnRisk.tierDowngradePoints': result.parts.tierDowngrade,
    'churnRisk.pActive': result.rhythm ? round(result.rhythm.pActive, 4) : undefined,
    'churnRisk.typicalGapDays': result.rhythm ? round(result.rhythm.typicalGapDays, 1) : undefined,
    'churnRisk.revenueAtStakeMinor': result.revenueAtStakeMinor,
  }
  // Only values that moved are recorded, so a field's explanation lists real changes.
  const changes: ProfileChanges = {}
  for (const [field, value] of Object.entries(next)) if (value !== undefined && profile[field] !== value) changes[field] = { set: value }
  if (Object.keys(changes).length > 0) await ctx.updateProfile(tx, customerId, { ...changes, 'churnRisk.scoredAt': { set: scoredAt } }, reason)
  const previousBand = previous?.band ?? null
  const crossedHigh = result.band === 'high' && previousBand !== 'high'
  if (crossedHigh) {
    await ctx.emit('churn.risk.high', customerId, { score: result.score, previousBand, parts: result.parts, revenueAtStakeMinor: result.revenueAtStakeMinor }, { key: `${customerId}:${scoredAt.slice(0, 10)}` })
    if (ctx.config.winBack.auto) await offerWinBack(ctx, tx, customerId, 'auto')
  }
  return { result, previousBand, crossedHigh }
}
