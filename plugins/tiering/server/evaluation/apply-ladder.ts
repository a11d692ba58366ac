/**
 * @module
 * Moves a customer on the upgrade ladder after their fields changed: the step comes from the
 * whole profile (other plugins' fields included), is mirrored to `tiering.ladder` and the row,
 * written to `tiering_ladder_history` at the evaluation's time, and a change is emitted as
 * `ladder.changed`, dated then. An evaluation puts the step in its own profile write
 * (`ladderMove` then `recordLadderMove`); other callers use `applyLadder`.
 */
import type { ProfileSnapshot, Queryable } from '@rapport/plugin-sdk'
import type { TieringConfig } from '../config.js'
import { criteriaOf } from '../ladder-config.js'
import { ladderStep } from '../scoring/ladder-step.js'
import type { CustomerRow } from '../store/customer-row.js'
import { rememberWrite } from '../store/row-memo.js'
import type { LadderStep } from '../../shared/vocabulary.js'
import type { ApplyOptions } from './apply-evaluation.js'
import type { TieringContext } from './types.js'

const STORE = 'UPDATE tiering_customers SET ladder = ?, ladder_since = ? WHERE customer_id = ?'
const HISTORY = 'INSERT INTO tiering_ladder_history (customer_id, from_step, to_step, reason, at) VALUES (?, ?, ?, ?, ?)'

type LadderRow = Pick<CustomerRow, 'customer_id' | 'ladder'>
export type LadderMove = { step: LadderStep; reason: string }

const fieldsRead = new WeakMap<object, Set<string>>()

/** The profile fields a ladder's criteria read. @example ladderReads(ctx.config.ladder).has('tiering.tier') */
export function ladderReads(ladder: TieringConfig['ladder']): Set<string> {
  let fields = fieldsRead.get(ladder)
  if (!fields) {
    fields = new Set(Object.values(ladder).flatMap((conditions) => [...criteriaOf(conditions ?? [])].map(([, k]) => k.field)))
    fieldsRead.set(ladder, fields)
  }
  return fields
}

/** The step the profile (as it reads after the evaluation's changes) puts the customer on; undefined when it is theirs already. @example const move = ladderMove(ctx, row, profile) */
export function ladderMove(ctx: TieringContext, row: LadderRow, profile: ProfileSnapshot): LadderMove | undefined {
  const move = ladderStep(profile, ctx.config.ladder)
  return move.step === row.ladder ? undefined : move
}

/** Keeps a move on the row and in the history and emits it (the profile field was written by the caller). @example await recordLadderMove(ctx, tx, row, move, o) */
export async function recordLadderMove(ctx: TieringContext, tx: Queryable, row: LadderRow, { step, reason }: LadderMove, o: ApplyOptions): Promise<void> {
  const at = o.at.toISOString()
  await tx.run(STORE, [step, at, row.customer_id])
  rememberWrite(tx, row.customer_id, ['ladder', 'ladder_since'], [step, at])
  await tx.run(HISTORY, [row.customer_id, row.ladder, step, reason, at])
  await ctx.emit('ladder.changed', row.customer_id, { from: row.ladder, to: step, reason }, { key: `${row.customer_id}:ladder:${o.key}`, occurredAt: at })
}

/**
 * @param profile - the profile as it reads now, when the caller has it (else it is read)
 * @example await applyLadder(ctx, tx, row, options)
 */
export async function applyLadder(ctx: TieringContext, tx: Queryable, row: LadderRow, o: ApplyOptions, profile?: ProfileSnapshot): Promise<void> {
  const move = ladderMove(ctx, row, profile ?? (await ctx.readProfile(row.customer_id, tx)))
  if (!move) return
  await ctx.updateProfile(tx, row.customer_id, { 'tiering.ladder': { set: move.step } }, { id: o.reasonId, ...(o.eventSeq === undefined ? {} : { eventSeq: o.eventSeq }) })
  await recordLadderMove(ctx, tx, row, move, o)
}
