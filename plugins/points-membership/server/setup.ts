/**
 * @module
 * Mounts the routes, the event subscribers and the daily jobs on `ctx`. Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from './config.js'
import { bonusOnEvent } from './earning/bonus-on-event.js'
import { earnOnOrder } from './earning/earn-on-order.js'
import { revokeOnRefund } from './earning/revoke-on-refund.js'
import { expirePoints } from './jobs/expire-points.js'
import { refreshExpiringSoon } from './jobs/refresh-expiring-soon.js'
import { adjustmentRoute } from './routes/adjustments.js'
import { enrolRoute, memberRoute, memberStatusRoute } from './routes/members.js'
import { previewRoute } from './routes/preview.js'
import { redemptionRoute, voucherUseRoute, voucherVoidRoute } from './routes/redemptions.js'
import { createRewardRoute, listRewardsRoute, updateRewardRoute } from './routes/rewards.js'
import { spendRoute } from './routes/spends.js'
import { verifyRoute } from './routes/verify.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<PointsConfig>): void {
  const routes = [
    enrolRoute, memberRoute, memberStatusRoute, spendRoute, adjustmentRoute, previewRoute, verifyRoute,
    listRewardsRoute, createRewardRoute, updateRewardRoute, redemptionRoute, voucherUseRoute, voucherVoidRoute,
  ]
  for (const route of routes) ctx.route(route(ctx))
  ctx.on('order.completed', earnOnOrder(ctx), { id: 'earn-on-order', phase: 'inTransaction' })
  ctx.on('order.refunded', revokeOnRefund(ctx), { id: 'revoke-on-refund', phase: 'inTransaction' })
  for (const type of Object.keys(ctx.config.eventBonuses)) ctx.on(type, bonusOnEvent(ctx, type), { id: `bonus:${type}`, phase: 'inTransaction' })
  ctx.schedule('expire-points', '10 0 * * *', expirePoints(ctx))
  ctx.schedule('refresh-expiring-soon', '20 0 * * *', refreshExpiringSoon(ctx))
}
