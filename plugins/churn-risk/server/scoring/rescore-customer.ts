/**
 * @module
 * Scores one customer at a given time and records it: writes `churn_risk_scores`, mirrors the
 * changed fields to the profile (recorded with the reason), emits `churn.risk.high` when the
 * customer crosses into the high band, and makes the automatic win-back offer when configured.
 * Runs in the caller's transaction (an event's, the nightly job's), at the event's own time or
 * the job's as-of time, never the processing moment.
 *
 * Per order this is one point read of the stored score and one write: a new row is inserted; when
 * the score and band did not move, the update leaves them (and so both of their indexes) alone.
 */
import type { PluginContext, ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import type { ChurnConfig } from '../config.js'
import { dateOfDay, dayNumber } from '@rapport/plugin-sdk'
import { churnScore, type Band, type ChurnScore } from '../model/churn-score.js'
import { offerWinBack } from '../win-back/offer-win-back.js'
import { inputsOf } from './inputs-of.js'
import { mirroredFields } from './mirrored-fields.js'

const PREVIOUS = 'SELECT score, band FROM churn_risk_scores WHERE customer_id = ?'
const INSERT = `INSERT INTO churn_risk_scores (rhythm_points, satisfaction_points, complaint_points, tier_downgrade_points,
  p_active, typical_gap_days, last_order_at, revenue_at_stake_minor, currency, scored_at, score, band, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const UNINDEXED = `rhythm_points = ?, satisfaction_points = ?, complaint_points = ?, tier_downgrade_points = ?,
  p_active = ?, typical_gap_days = ?, last_order_at = ?, revenue_at_stake_minor = ?, currency = ?, scored_at = ?`
/** The score or band moved: their indexes move too. */
const UPDATE_ALL = `UPDATE churn_risk_scores SET ${UNINDEXED}, score = ?, band = ? WHERE customer_id = ?`
/** Score and band as they were: only the columns no index holds. */
const UPDATE_PARTS = `UPDATE churn_risk_scores SET ${UNINDEXED} WHERE customer_id = ?`

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

/** What one rescore did. */
export type Rescored = { result: ChurnScore; previousBand: Band | null; crossedHigh: boolean } | undefined

/**
 * @param reason - recorded with each profile change (`nightly-rescore`, `on:order.completed`, …)
 * @param at - the time scored at: the event's `occurredAt`, or the job's as-of time (`ctx.now()` in a job)
 * @returns undefined when the customer has nothing to score on (no order, no signal)
 * @example await rescoreCustomer(ctx, tx, customerId, { id: 'on:order.completed', eventSeq: event.seq }, new Date(event.occurredAt))
 */
export async function rescoreCustomer(ctx: PluginContext<ChurnConfig>, tx: Queryable, customerId: string, reason: { id: string; eventSeq?: number }, at: Date): Promise<Rescored> {
  const profile = await ctx.readProfile(customerId, tx)
  const inputs = inputsOf(profile)
  const result = churnScore(inputs, at, ctx.config, ctx.timeZone)
  const previous = await tx.get<{ score: number; band: Band }>(PREVIOUS, [customerId])
  if (!previous && inputs.orders === 0 && result.score === 0) return undefined
  const scoredAt = at.toISOString()
  const currency = typeof profile['churnRisk.currency'] === 'string' ? profile['churnRisk.currency'] : null
  const pActive = result.rhythm ? round(result.rhythm.pActive, 4) : null
  const typicalGapDays = result.rhythm ? round(result.rhythm.typicalGapDays, 1) : null
  const unindexed = [
    result.parts.rhythm, result.parts.satisfaction, result.parts.complaints, result.parts.tierDowngrade,
    pActive, typicalGapDays, inputs.lastOrderAt ?? null, result.revenueAtStakeMinor, currency, scoredAt,
  ]
  if (!previous) await tx.run(INSERT, [...unindexed, result.score, result.band, customerId])
  else if (Number(previous.score) === result.score && previous.band === result.band) await tx.run(UPDATE_PARTS, [...unindexed, customerId])
  else await tx.run(UPDATE_ALL, [...unindexed, result.score, result.band, customerId])
  const next = mirroredFields(result)
  // Only values that moved are recorded, so a field's explanation lists real changes; `scoredAt`
  // goes with them, never alone (it moves every night).
  const changes: ProfileChanges = {}
  for (const [field, value] of Object.entries(next)) if (value !== null && profile[field] !== value) changes[field] = { set: value }
  if (Object.keys(changes).length > 0) await ctx.updateProfile(tx, customerId, { ...changes, 'churnRisk.scoredAt': { set: scoredAt } }, reason)
  const previousBand = previous?.band ?? null
  const crossedHigh = result.band === 'high' && previousBand !== 'high'
  if (crossedHigh) {
    // At most once per customer per business day.
    const day = dateOfDay(dayNumber(at, ctx.timeZone))
    await ctx.emit('churn.risk.high', customerId, { score: result.score, previousBand, parts: result.parts, revenueAtStakeMinor: result.revenueAtStakeMinor }, { key: `${customerId}:${day}`, occurredAt: scoredAt, tx })
    if (ctx.config.winBack.auto) await offerWinBack(ctx, tx, customerId, 'auto', at)
  }
  return { result, previousBand, crossedHigh }
}
