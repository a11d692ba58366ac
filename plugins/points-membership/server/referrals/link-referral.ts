/**
 * @module
 * Links a new customer (the referee) to the member whose code they bring, at signup or before
 * their first order: through `POST /referrals`, which the shop's signup or till flow calls (core's
 * `order.completed` is a strict standard event, so a code cannot ride on the order). Guards: the
 * code must exist; nobody refers themselves, by their own code or by another customer record with
 * the same phone or email (compared by core on the normalised hashes); a referee has one referrer;
 * a customer who already ordered is no longer new.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { insertReferral, ownerOfCode, referralOf, type Referral } from './referral-store.js'

/** @example await linkReferral(tx, ctx, { refereeId, code: 'RK7PX3MQ', at }) */
export async function linkReferral(tx: Queryable, ctx: Pick<PluginContext<PointsConfig>, 'customers'>, input: { refereeId: string; code: string; at: string }): Promise<Referral> {
  await ctx.customers.require(input.refereeId, tx)
  const code = input.code.replace(/\s+/g, '').toUpperCase()
  const referrerId = await ownerOfCode(tx, code)
  if (!referrerId) throw pointsErrors.REFERRAL_CODE_NOT_FOUND({ code })
  if (referrerId === input.refereeId || (await ctx.customers.sharesContact(referrerId, input.refereeId, tx))) {
    throw pointsErrors.REFERRAL_SELF({ code })
  }
  const existing = await referralOf(tx, input.refereeId)
  if (existing) throw pointsErrors.REFERRAL_EXISTS({ customerId: input.refereeId })
  // A customer who already completed an order came without the referral.
  if (await tx.get('SELECT 1 AS n FROM points_orders WHERE customer_id = ? LIMIT 1', [input.refereeId])) throw pointsErrors.REFERRAL_NOT_NEW({ customerId: input.refereeId })
  if (!(await insertReferral(tx, { refereeId: input.refereeId, referrerId, code, linkedAt: input.at }))) throw pointsErrors.REFERRAL_EXISTS({ customerId: input.refereeId })
  return { refereeId: input.refereeId, referrerId, code, linkedAt: input.at, orderId: null, rewardedAt: null }
}
