/**
 * @module
 * Applies one customer's evaluation: the downgrade policy decides the tier, the profile fields
 * change through `ctx.updateProfile` (so each change is recorded and explainable), the row keeps
 * the applied values, and a tier change is written to the history and emitted as
 * `tier.changed`; then the ladder step follows. Runs inside the caller's transaction.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { nextTier, type TierDecision } from '../scoring/next-tier.js'
import { rfmCode } from '../scoring/segment-of.js'
import type { CustomerRow } from '../store/customer-row.js'
import { applyLadder } from './apply-ladder.js'
import type { Evaluation, TieringContext } from './types.js'

export type ApplyOptions = {
  trigger: 'event' | 'reevaluation'
  /** The change reason recorded on the profile. */
  reasonId: string
  /** Idempotency key of the emitted tier change. */
  key: string
  eventSeq?: number
}

const STORE = `UPDATE tiering_customers SET recency = ?, frequency = ?, monetary = ?, segment = ?, recency_status = ?, tier = ?,
  tier_since = ?, below_since = ?, next_recency = ?, next_frequency = ?, next_monetary = ?, next_segment = ?, next_recency_status = ?, next_tier = ?, evaluated_at = ?
  WHERE customer_id = ?`
const HISTORY = `INSERT INTO tiering_history (customer_id, from_tier, to_tier, reason, trigger, spend_minor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`

/** @example const decision = await applyEvaluation(ctx, tx, row, evaluation, { trigger: 'event', reasonId: 'evaluate-on-order', key: event.id, eventSeq: event.seq }) */
export async function applyEvaluation(ctx: TieringContext, tx: Queryable, row: CustomerRow, e: Evaluation, o: ApplyOptions): Promise<TierDecision> {
  const now = ctx.now()
  const at = now.toISOString()
  const decision = nextTier({ current: row.tier, computed: e.computedTier, belowSince: row.below_since, trigger: o.trigger, now }, ctx.config.tiers)
  const changed = decision.tier !== row.tier
  await ctx.updateProfile(tx, row.customer_id, {
    'tiering.recency': { set: e.recency },
    'tiering.frequency': { set: e.frequency },
    'tiering.monetary': { set: e.monetary },
    'tiering.rfmCode': { set: rfmCode({ r: e.recency, f: e.frequency, m: e.monetary }) },
    'tiering.segment': { set: e.segment },
    'tiering.recencyStatus': { set: e.recencyStatus },
    'tiering.tier': { set: decision.tier },
    'tiering.orders': { set: row.orders },
  }, { id: o.reasonId, ...(o.eventSeq === undefined ? {} : { eventSeq: o.eventSeq }) })
  await tx.run(STORE, [
    e.recency, e.frequency, e.monetary, e.segment, e.recencyStatus, decision.tier, changed ? at : row.tier_since, decision.belowSince,
    e.recency, e.frequency, e.monetary, e.segment, e.recencyStatus, e.computedTier, at, row.customer_id,
  ])
  if (changed && decision.reason !== 'unchanged' && decision.reason !== 'downgradeHeld') {
    await tx.run(HISTORY, [row.customer_id, row.tier, decision.tier, decision.reason, o.trigger, e.spendMinor, at])
    await ctx.emit('tier.changed', row.customer_id, {
      from: row.tier, to: decision.tier, reason: decision.reason, trigger: o.trigger, spendMinor: e.spendMinor, mode: ctx.config.tiers.mode,
      basis: e.basis, value: e.basisValue,
    }, { key: `${row.customer_id}:${o.key}` })
  }
  await applyLadder(ctx, tx, row, o)
  return decision
}
