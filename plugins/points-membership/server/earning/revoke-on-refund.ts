/**
 * @module
 * The in-transaction subscriber of `order.refunded`: revokes, in proportion to the refunded
 * amount, what the order earned (cumulative over partial refunds; a full refund revokes all).
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
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
    if (points === 0) return
    await revokePoints(tx, ctx, { customerId, orderId: order.orderId, points, refundedMinor, key: `revoke:${event.id}`, occurredAt: event.occurredAt })
  }
