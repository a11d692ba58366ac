/**
 * @module
 * Moves a customer on the upgrade ladder after their tiering fields changed: the step comes from
 * the whole profile (other plugins' fields included), is mirrored to `tiering.ladder` and the
 * row, and a change is emitted as `tiering.ladderChanged`.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { ladderStep } from '../scoring/ladder-step.js'
import type { CustomerRow } from '../store/customer-row.js'
import type { ApplyOptions } from './apply-evaluation.js'
import type { TieringContext } from './types.js'

/** @example await applyLadder(ctx, tx, row, options) */
export async function applyLadder(ctx: TieringContext, tx: Queryable, row: CustomerRow, o: ApplyOptions): Promise<void> {
  const { step, reason } = ladderStep(await ctx.readProfile(row.customer_id, tx), ctx.config.ladder)
  if (step === row.ladder) return
  await ctx.updateProfile(tx, row.customer_id, { 'tiering.ladder': { set: step } }, { id: o.reasonId, ...(o.eventSeq === undefined ? {} : { eventSeq: o.eventSeq }) })
  await tx.run('UPDATE tiering_customers SET ladder = ? WHERE customer_id = ?', [step, row.customer_id])
  await ctx.emit('tiering.ladderChanged', row.customer_id, { from: row.ladder, to: step, reason }, { key: `${row.customer_id}:ladder:${o.key}` })
}
