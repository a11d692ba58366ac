/**
 * @module
 * Follows a customer's profile after another plugin changed it, as of that event's time. When
 * tiering already evaluated the customer at that very time in this transaction (the order whose
 * points were just earned), RFM, recency and a spend tier cannot have moved: only the points copy
 * (one statement when it differs), and a points tier or ladder step that the new values move (then
 * the whole evaluation runs, as it would have). Otherwise the customer is placed on the ladder and
 * evaluated whole, as before.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { ApplyOptions } from '../evaluation/apply-evaluation.js'
import { ladderStep } from '../scoring/ladder-step.js'
import { evaluateCustomer } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { customerRow } from '../store/customer-row.js'
import { pointsOf, storePoints } from '../store/points-copy.js'
import { placeOnLadder } from './place-on-ladder.js'

/** @example await followProfile(ctx, tx, customerId, { trigger: 'event', reasonId: 'evaluate-on-profile', key: event.id, at }) */
export async function followProfile(ctx: TieringContext, tx: Queryable, customerId: string, options: ApplyOptions): Promise<void> {
  const row = await customerRow(tx, customerId)
  if (!row || row.last_order_day === null || row.evaluated_at === null || new Date(row.evaluated_at).getTime() !== options.at.getTime()) {
    return placeOnLadder(ctx, tx, customerId, options, row)
  }
  const profile = await ctx.readProfile(customerId, tx)
  const points = pointsOf(profile)
  const tiers = ctx.config.tiers
  const pointsTier = tiers.mode === 'thresholds' && tiers.basis !== 'spend'
  const pointsMoved = points.pointsBalance !== Number(row.points_balance ?? 0) || points.pointsLifetime !== Number(row.points_lifetime ?? 0)
  if ((pointsMoved && pointsTier) || ladderStep(profile, ctx.config.ladder).step !== row.ladder) return evaluateCustomer(ctx, tx, customerId, options)
  if (pointsMoved || row.points_balance === null || row.points_lifetime === null) await storePoints(tx, customerId, points)
}
