/**
 * @module
 * Applies one customer's evaluation at the time it is for (the event's, or the job's as-of time):
 * the downgrade policy decides the tier, the profile fields change through `ctx.updateProfile`
 * (so each change is recorded and explainable), one statement keeps the row's values, and a tier
 * change is written to the history and emitted as `tier.changed`, dated then; then the ladder
 * step follows. Runs inside the caller's transaction.
 */
import type { ProfileChanges, ProfileSnapshot, Queryable } from '@rapport/plugin-sdk'
import { nextTier, type TierDecision } from '../scoring/next-tier.js'
import { rfmCode } from '../scoring/segment-of.js'
import type { CustomerRow } from '../store/customer-row.js'
import type { Totals } from '../store/customer-totals.js'
import { rememberWrite } from '../store/row-memo.js'
import { ladderMove, ladderReads, recordLadderMove } from './apply-ladder.js'
import type { Evaluation, TieringContext } from './types.js'

export type ApplyOptions = {
  trigger: 'event' | 'reevaluation'
  /** The change reason recorded on the profile. */
  reasonId: string
  /** Idempotency key of the emitted tier change. */
  key: string
  eventSeq?: number
  /** When the evaluation holds: the event's `occurredAt`, or the job's as-of time. History and emitted events carry it. */
  at: Date
  /** The full re-evaluation after a ladder change checks every step; otherwise it checks one only when a field the ladder reads moved. */
  checkLadder?: boolean
}

/** What an order's evaluation already read, so nothing is read twice: the customer's totals, points and profile. */
export type Known = { totals: Totals; points: { pointsBalance: number; pointsLifetime: number }; profile: ProfileSnapshot }

/** The row fields an evaluation needs. */
export type AppliedRow = Pick<CustomerRow, 'customer_id' | 'tier' | 'tier_since' | 'below_since' | 'ladder' | 'recency'>
  & Partial<Pick<CustomerRow, 'orders' | 'frequency' | 'monetary' | 'segment' | 'recency_status'>>

const TOTAL_COLUMNS = ['orders', 'spend_minor', 'first_order_at', 'last_order_at', 'last_order_day', 'avg_gap_days', 'window_orders', 'window_spend_minor', 'window_since', 'points_balance', 'points_lifetime'] as const
const SCORE_COLUMNS = ['recency', 'frequency', 'monetary', 'segment', 'recency_status', 'tier', 'tier_since', 'below_since',
  'next_recency', 'next_frequency', 'next_monetary', 'next_segment', 'next_recency_status', 'next_tier', 'evaluated_at'] as const
const upsert = (columns: readonly string[]) => `INSERT INTO tiering_customers (customer_id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
  ON CONFLICT (customer_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`
/** An order's evaluation: totals, points and scores in one statement. */
const STORE_ALL = upsert([...TOTAL_COLUMNS, ...SCORE_COLUMNS])
/** The full re-evaluation's: it stored the totals itself. */
const STORE_SCORES = `UPDATE tiering_customers SET ${SCORE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE customer_id = ?`
/** A customer left with no order that counts: out of RFM, the tier kept. */
const STORE_UNSCORED = `UPDATE tiering_customers SET ${TOTAL_COLUMNS.map((c) => `${c} = ?`).join(', ')}, evaluated_at = ?, tier = ?, tier_since = ?, below_since = ?, next_tier = ?,
  recency = NULL, frequency = NULL, monetary = NULL, segment = NULL, recency_status = NULL,
  next_recency = NULL, next_frequency = NULL, next_monetary = NULL, next_segment = NULL, next_recency_status = NULL WHERE customer_id = ?`
const UNSCORED_NULLS = ['recency', 'frequency', 'monetary', 'segment', 'recency_status', 'next_recency', 'next_frequency', 'next_monetary', 'next_segment', 'next_recency_status']
const HISTORY = `INSERT INTO tiering_history (customer_id, from_tier, to_tier, reason, trigger, spend_minor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`

const totalValues = ({ totals: t, points: p }: Known) => [t.orders, t.spendMinor, t.firstOrderAt, t.lastOrderAt, t.lastOrderDay, t.avgGapDays, t.windowOrders, t.windowSpendMinor, t.windowSince, p.pointsBalance, p.pointsLifetime]
const reasonOf = (o: ApplyOptions) => ({ id: o.reasonId, ...(o.eventSeq === undefined ? {} : { eventSeq: o.eventSeq }) })

/** @example const decision = await applyEvaluation(ctx, tx, row, evaluation, { trigger: 'event', reasonId: 'evaluate-on-order', key: event.id, at }, known) */
export async function applyEvaluation(ctx: TieringContext, tx: Queryable, row: AppliedRow, e: Evaluation, o: ApplyOptions, known?: Known): Promise<TierDecision> {
  const at = o.at.toISOString()
  const decision = nextTier({ current: row.tier, computed: e.computedTier, belowSince: row.below_since, trigger: o.trigger, now: o.at }, ctx.config.tiers)
  const changed = decision.tier !== row.tier
  const orders = known?.totals.orders ?? row.orders ?? 0
  const changes: ProfileChanges = {
    'tiering.recency': { set: e.recency },
    'tiering.frequency': { set: e.frequency },
    'tiering.monetary': { set: e.monetary },
    'tiering.rfmCode': { set: rfmCode({ r: e.recency, f: e.frequency, m: e.monetary }) },
    'tiering.segment': { set: e.segment },
    'tiering.recencyStatus': { set: e.recencyStatus },
    'tiering.tier': { set: decision.tier },
    'tiering.orders': { set: orders },
  }
  // The ladder step goes in the same profile write, read off the profile as these changes leave it. The full
  // re-evaluation changes only tiering's own fields: when none the ladder reads moved, the step cannot have.
  const checkLadder = known !== undefined || o.checkLadder === true || movedFieldRead(ctx, row, e, decision.tier)
  const profile = checkLadder ? (known?.profile ?? (await ctx.readProfile(row.customer_id, tx))) : undefined
  const move = profile && ladderMove(ctx, row, withChanges(profile, changes))
  if (move) changes['tiering.ladder'] = { set: move.step }
  await ctx.updateProfile(tx, row.customer_id, changes, reasonOf(o))
  const scores = [e.recency, e.frequency, e.monetary, e.segment, e.recencyStatus, decision.tier, changed ? at : row.tier_since, decision.belowSince,
    e.recency, e.frequency, e.monetary, e.segment, e.recencyStatus, e.computedTier, at]
  if (known) {
    await tx.run(STORE_ALL, [row.customer_id, ...totalValues(known), ...scores])
    rememberWrite(tx, row.customer_id, [...TOTAL_COLUMNS, ...SCORE_COLUMNS], [...totalValues(known), ...scores])
  } else {
    await tx.run(STORE_SCORES, [...scores, row.customer_id])
    rememberWrite(tx, row.customer_id, SCORE_COLUMNS, scores)
  }
  if (changed) await recordTierChange(ctx, tx, row, decision, e, o)
  if (move) await recordLadderMove(ctx, tx, row, move, o)
  return decision
}

/** Writes a tier change to the history and emits it, dated at the evaluation. */
async function recordTierChange(ctx: TieringContext, tx: Queryable, row: AppliedRow, decision: TierDecision, e: Pick<Evaluation, 'spendMinor' | 'basis' | 'basisValue'>, o: ApplyOptions): Promise<void> {
  if (decision.reason === 'unchanged' || decision.reason === 'downgradeHeld') return
  const at = o.at.toISOString()
  await tx.run(HISTORY, [row.customer_id, row.tier, decision.tier, decision.reason, o.trigger, e.spendMinor, at])
  await ctx.emit('tier.changed', row.customer_id, {
    from: row.tier, to: decision.tier, reason: decision.reason, trigger: o.trigger, spendMinor: e.spendMinor, mode: ctx.config.tiers.mode,
    basis: e.basis, value: e.basisValue,
  }, { key: `${row.customer_id}:${o.key}`, occurredAt: at })
}

/**
 * A customer whose every order was refunded in full: no R, F or M (they count as never having
 * ordered, for the ladder too); a tier they hold now has nothing to hold it, so it falls to the
 * lowest, per the downgrade policy (the full re-evaluation applies it under `atReevaluation`).
 * @example await applyUnscored(ctx, tx, row, known, options)
 */
export async function applyUnscored(ctx: TieringContext, tx: Queryable, row: AppliedRow, known: Known, o: ApplyOptions): Promise<void> {
  const unset = { unset: true } as const
  const decision = row.tier === null ? undefined : nextTier({ current: row.tier, computed: 'iron', belowSince: row.below_since, trigger: o.trigger, now: o.at }, ctx.config.tiers)
  const changes: ProfileChanges = {
    ...(row.recency === null ? {} : {
      'tiering.recency': unset, 'tiering.frequency': unset, 'tiering.monetary': unset, 'tiering.rfmCode': unset, 'tiering.segment': unset, 'tiering.recencyStatus': unset,
    }),
    ...(decision ? { 'tiering.tier': { set: decision.tier } } : {}),
    'tiering.orders': { set: 0 },
  }
  const move = ladderMove(ctx, row, withChanges(known.profile, changes))
  if (move) changes['tiering.ladder'] = { set: move.step }
  await ctx.updateProfile(tx, row.customer_id, changes, reasonOf(o))
  const changed = decision !== undefined && decision.tier !== row.tier
  const unscored = [...totalValues(known), o.at.toISOString(), decision?.tier ?? null, changed ? o.at.toISOString() : row.tier_since, decision?.belowSince ?? null,
    row.tier === null ? null : 'iron']
  await tx.run(STORE_UNSCORED, [...unscored, row.customer_id])
  rememberWrite(tx, row.customer_id, [...TOTAL_COLUMNS, 'evaluated_at', 'tier', 'tier_since', 'below_since', 'next_tier', ...UNSCORED_NULLS], unscored)
  if (changed) await recordTierChange(ctx, tx, row, decision, { spendMinor: 0, basis: 'spend', basisValue: 0 }, o)
  if (move) await recordLadderMove(ctx, tx, row, move, o)
}

/** Whether a field the ladder reads is among those this evaluation moves. */
function movedFieldRead(ctx: TieringContext, row: AppliedRow, e: Evaluation, tier: string): boolean {
  const reads = ladderReads(ctx.config.ladder)
  const moved: Array<[string, unknown, unknown]> = [
    ['tiering.tier', row.tier, tier], ['tiering.recency', row.recency, e.recency], ['tiering.frequency', row.frequency, e.frequency],
    ['tiering.monetary', row.monetary, e.monetary], ['tiering.segment', row.segment, e.segment], ['tiering.recencyStatus', row.recency_status, e.recencyStatus],
  ]
  return reads.has('tiering.rfmCode') || moved.some(([field, before, after]) => before !== after && reads.has(field))
}

/** The profile as it reads after `changes` (set and unset only, as tiering writes). */
function withChanges(profile: ProfileSnapshot, changes: ProfileChanges): ProfileSnapshot {
  const next: Record<string, unknown> = { ...profile }
  for (const [field, change] of Object.entries(changes)) {
    if (change && 'set' in change) next[field] = change.set
    else if (change && 'unset' in change) delete next[field]
  }
  return next as ProfileSnapshot
}
