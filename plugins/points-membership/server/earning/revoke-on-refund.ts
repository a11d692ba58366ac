/**
 * @module
 * The in-transaction subscriber of `order.refunded`: revokes, in proportion to the refunded
 * amount, what the order earned (cumulative over partial refunds; a full refund revokes all),
 * then the same share of each campaign credit the order earned.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { revokeCampaignCredits } from '../campaigns/revoke-campaigns.js'
import { revokePoints } from '../ledger/revoke-points.js'
import { findOrder, recordRefund, revocationFor } from './order-store.js'

/** @example ctx.on('order.refunded', revokeOnRefund(ctx), { id: 'revoke-on-refund', phase: 'inTransaction' }) */
export const revokeOnRefund = (ctx: PluginContext<PointsConfig>) =>
  async function revokeOnRefundEvent(event: RapportEvent<'order.refunded'>, { tx }: SubscriberContext): Promise<void> {
    const { customerId, payload } = event
    const order = await findOrder(tx, payload.orderId)
    if (!order || customerId === null || order.customerId !== customerId) return
    if (payload.currency !== order.currency) {
      ctx.log.warn({ orderId: payload.orderId, currency: payload.currency }, 'refund in another currency than its order revokes nothing')
      return
    }
    const { points, refundedMinor } = revocationFor(order, payload.amountMinor)
    await recordRefund(tx, order.orderId, refundedMinor, order.pointsRevoked + points)
    const { occurredAt } = event
    if (points > 0) await revokePoints(tx, ctx, { customerId, orderId: order.orderId, points, refundedMinor, key: `revoke:${event.id}`, occurredAt })
    await revokeCampaignCredits(tx, ctx, { customerId, orderId: order.orderId, amountMinor: order.amountMinor, refundedMinor, eventId: event.id, occurredAt })
  }
