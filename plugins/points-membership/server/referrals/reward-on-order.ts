/**
 * @module
 * Rewards a referral when the referee's first qualifying order completes, in that order's
 * transaction and at its time: points (and a coupon, when configured) for both sides, once (the
 * referral is marked rewarded with the order, and every credit is keyed by the referee). The
 * referrer's `points.referrals` (referees rewarded) is mirrored and `points.referral.rewarded`
 * emitted on the referrer, so tiering's ladder can count them toward 拥护者 advocate.
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { addDays } from '../ledger/ledger-deps.js'
import { earnPoints } from '../ledger/earn-points.js'
import { findReward } from '../rewards/reward-store.js'
import { issueVoucher } from '../rewards/voucher-store.js'
import { markRewarded, referralCounts, referralOf } from './referral-store.js'

const IS_ACTIVE = "SELECT 1 AS ok FROM points_members WHERE customer_id = ? AND status = 'active'"

/** One side's reward: points to an active member, and a voucher of an active reward. */
async function rewardSide(tx: Queryable, ctx: PluginContext<PointsConfig>, o: { customerId: string; points: number; rewardId: string | undefined; key: string; at: string; side: 'referrer' | 'referee' }) {
  if (o.points > 0 && (await tx.get(IS_ACTIVE, [o.customerId]))) {
    await earnPoints(tx, ctx, { customerId: o.customerId, points: o.points, key: o.key, orderId: null, occurredAt: o.at, availableAt: o.at, details: { bonusFor: 'referral', side: o.side } })
  }
  if (!o.rewardId) return
  const reward = await findReward(tx, o.rewardId)
  if (!reward?.active) {
    ctx.log.warn({ rewardId: o.rewardId }, 'referral coupon: the reward is missing or inactive')
    return
  }
  await issueVoucher(tx, { customerId: o.customerId, rewardId: reward.id, entryId: o.key, issuedAt: o.at, expiresAt: addDays(o.at, reward.voucherValidDays) })
}

/** @example ctx.on('order.completed', referralOnOrder(ctx), { id: 'referral-on-order', phase: 'inTransaction' }) */
export const referralOnOrder = (ctx: PluginContext<PointsConfig>) =>
  async function rewardReferral(event: RapportEvent<'order.completed'>, { tx }: SubscriberContext): Promise<void> {
    const refereeId = event.customerId
    if (!refereeId) return
    const referral = await referralOf(tx, refereeId)
    if (!referral || referral.rewardedAt) return
    const c = ctx.config.referrals
    if (event.payload.amountMinor < c.minOrderMinor || event.payload.currency !== ctx.config.currency) return
    const at = event.occurredAt
    if (!(await markRewarded(tx, refereeId, event.payload.orderId, at))) return
    await rewardSide(tx, ctx, { customerId: referral.referrerId, points: c.referrerPoints, rewardId: c.referrerRewardId, key: `referral:referrer:${refereeId}`, at, side: 'referrer' })
    await rewardSide(tx, ctx, { customerId: refereeId, points: c.refereePoints, rewardId: c.refereeRewardId, key: `referral:referee:${refereeId}`, at, side: 'referee' })
    const { rewarded } = await referralCounts(tx, referral.referrerId)
    await ctx.updateProfile(tx, referral.referrerId, { 'points.referrals': { set: rewarded } }, { id: 'referral-rewarded', eventSeq: event.seq })
    await ctx.emit('points.referral.rewarded', referral.referrerId, { refereeId, orderId: event.payload.orderId, referrals: rewarded }, { key: `referral:${refereeId}`, tx, occurredAt: at })
  }
