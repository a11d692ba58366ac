/**
 * @module
 * Mounts the routes, the event subscribers, the daily jobs and the `points.credit` extension
 * point on `ctx`. Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from './config.js'
import { campaignOnOrder } from './campaigns/campaign-on-order.js'
import { createCampaignRoute, listCampaignsRoute, replaceCampaignRoute } from './campaigns/campaign-routes.js'
import { campaignImpactRoute } from './campaigns/impact-route.js'
import { bonusOnEvent } from './earning/bonus-on-event.js'
import { earnOnOrder } from './earning/earn-on-order.js'
import { referralOnOrder } from './referrals/reward-on-order.js'
import { linkReferralRoute, memberReferralRoute } from './referrals/referral-routes.js'
import { goodwillOnComplaint, grantGoodwill } from './earning/grant-goodwill.js'
import { birthdayBonus } from './jobs/birthday-bonus.js'
import { notifyExpiring } from './jobs/notify-expiring.js'
import { revokeOnRefund } from './earning/revoke-on-refund.js'
import { expirePoints } from './jobs/expire-points.js'
import { refreshExpiringSoon } from './jobs/refresh-expiring-soon.js'
import { ledgerTx } from './ledger/group-tx.js'
import { adjustmentRoute } from './routes/adjustments.js'
import { memberListRoute } from './routes/member-list.js'
import { issueMemberLinkRoute, memberPageRoute, selfRedemptionRoute } from './routes/member-page.js'
import { sendMemberLinkRoute } from './channels/member-messages.js'
import { enrolRoute, memberRoute, memberStatusRoute } from './routes/members.js'
import { previewRoute } from './routes/preview.js'
import { redemptionRoute, voucherUseRoute, voucherVoidRoute } from './routes/redemptions.js'
import { createRewardRoute, listRewardsRoute, updateRewardRoute } from './routes/rewards.js'
import { earnBurnRoute, liabilityRoute, statementRoute } from './routes/reports.js'
import { spendRoute } from './routes/spends.js'
import { tillLookUpRoute, tillUndoRoute, tillUseRoute } from './routes/till.js'
import { verifyRoute } from './routes/verify.js'
import { voucherListRoute } from './routes/voucher-list.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<PointsConfig>): void {
  // Created here, where no transaction or request is open: the write routes' groups run in this context.
  ledgerTx(ctx)
  const routes = [
    enrolRoute, memberRoute, memberStatusRoute, spendRoute, adjustmentRoute, previewRoute, verifyRoute,
    listRewardsRoute, createRewardRoute, updateRewardRoute, redemptionRoute, voucherUseRoute, voucherVoidRoute,
    liabilityRoute, earnBurnRoute, statementRoute, memberListRoute, voucherListRoute, issueMemberLinkRoute, sendMemberLinkRoute, memberPageRoute, selfRedemptionRoute,
    tillLookUpRoute, tillUseRoute, tillUndoRoute, linkReferralRoute, memberReferralRoute, listCampaignsRoute, createCampaignRoute, replaceCampaignRoute, campaignImpactRoute,
  ]
  for (const route of routes) ctx.route(route(ctx))
  ctx.on('order.completed', earnOnOrder(ctx), { id: 'earn-on-order', phase: 'inTransaction' })
  // After earn-on-order: a campaign reads what the order earned and whether it was a member's order.
  ctx.on('order.completed', campaignOnOrder(ctx), { id: 'campaign-on-order', phase: 'inTransaction' })
  // After earn-on-order: the referee is enrolled (autoEnrol) before the referral rewards them.
  ctx.on('order.completed', referralOnOrder(ctx), { id: 'referral-on-order', phase: 'inTransaction' })
  ctx.on('order.refunded', revokeOnRefund(ctx), { id: 'revoke-on-refund', phase: 'inTransaction' })
  for (const type of Object.keys(ctx.config.eventBonuses)) ctx.on(type, bonusOnEvent(ctx, type), { id: `bonus:${type}`, phase: 'inTransaction', fromConfig: true })
  ctx.schedule('expire-points', '10 0 * * *', expirePoints(ctx))
  ctx.schedule('refresh-expiring-soon', '20 0 * * *', refreshExpiringSoon(ctx))
  ctx.schedule('notify-expiring', '30 0 * * *', notifyExpiring(ctx))
  ctx.schedule('birthday-bonus', '40 0 * * *', birthdayBonus(ctx))
  // complaint-tracking's goodwill; nothing happens while it is absent (nobody emits the event). One credit per case.
  ctx.on('complaint.goodwill.granted', goodwillOnComplaint(ctx), { id: 'goodwill:complaint.goodwill.granted', phase: 'inTransaction' })
  ctx.provide('points.credit', ({ tx, ...input }) => (tx ? grantGoodwill(tx, ctx, input) : ctx.db.tx((own) => grantGoodwill(own, ctx, input))))
}
