/**
 * @module
 * Gives a customer tiering's row and their ladder step: everyone tiering hears of stands on the
 * ladder, 潜在 prospect at least, from the time it heard of them. A customer who ordered is
 * evaluated whole (their tier may follow points); one who has not gets their points copied and
 * their step.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { ApplyOptions } from '../evaluation/apply-evaluation.js'
import { applyLadder } from '../evaluation/apply-ladder.js'
import { evaluateCustomer } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { type CustomerRow, customerRow } from '../store/customer-row.js'
import { pointsOf, storePoints } from '../store/points-copy.js'
import { forgetRows } from '../store/row-memo.js'

const ENSURE_ROW = 'INSERT INTO tiering_customers (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING'

/**
 * @param known - the customer's row, when the caller has just read it
 * @example await placeOnLadder(ctx, tx, customerId, { trigger: 'event', reasonId: 'evaluate-on-profile', key: event.id, at })
 */
export async function placeOnLadder(ctx: TieringContext, tx: Queryable, customerId: string, options: ApplyOptions, known?: CustomerRow): Promise<void> {
  if (!known) {
    await tx.run(ENSURE_ROW, [customerId])
    forgetRows(tx, customerId)
  }
  const row = known ?? (await customerRow(tx, customerId))!
  if (row.last_order_day !== null) return evaluateCustomer(ctx, tx, customerId, options)
  const profile = await ctx.readProfile(customerId, tx)
  await storePoints(tx, customerId, pointsOf(profile))
  await applyLadder(ctx, tx, row, options, profile)
}
