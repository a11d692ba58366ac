/**
 * @module
 * Moves a customer on the upgrade ladder after their fields changed: the step comes from the
 * whole profile (other plugins' fields included), is mirrored to `tiering.ladder` and the row,
 * written to `tiering_ladder_history` at the evaluation's time, and a change is emitted as
 * `ladder.changed`, dated then.
 */
import type { ProfileSnapshot, Queryable } from '@rapport/plugin-sdk'
import { ladderStep } from '../scoring/ladder-step.js'
import type { CustomerRow } from '../store/customer-row.js'
import type { ApplyOptions } from './apply-evaluation.js'
import type { TieringContext } from './types.js'

const STORE = 'UPDATE tiering_customers SET ladder = ?, ladder_since = ? WHERE customer_id = ?'
const HISTORY = 'INSERT INTO tiering_ladder_history (customer_id, from_step, to_step, reason, at) VALUES (?, ?, ?, ?, ?)'

/**
 * @param profile - the profile as it reads now, when the caller has it (else it is read)
 * @example await applyLadder(ctx, tx, row, options)
 */
export async function applyLadder(ctx: TieringContext, tx: Queryable, row: Pick<CustomerRow, 'customer_id' | 'ladder'>, o: ApplyOptions, profile?: ProfileSnapshot): Promise<void> {
  const { step, reason } = ladderStep(profile ?? (await ctx.readProfile(row.customer_id, tx)), ctx.config.ladder)
  if (step === row.ladder) return
  const at = o.at.toISOString()
  await ctx.updateProfile(tx, row.customer_id, { 'tiering.ladder': { set: step } }, { id: o.reasonId, ...(o.eventSeq === undefined ? {} : { eventSeq: o.eventSeq }) })
  await tx.run(STORE, [step, at, row.customer_id])
  await tx.run(HISTORY, [row.customer_id, row.ladder, step, reason, at])
  await ctx.emit('ladder.changed', row.customer_id, { from: row.ladder, to: step, reason }, { key: `${row.customer_id}:ladder:${o.key}`, occurredAt: at })
}
