/**
 * @module
 * In the transaction of `order.refunded`: lowers the order's net amount and re-evaluates that
 * customer as of the refund's time (a lower tier waits for the downgrade policy; an order refunded
 * in full no longer counts for R, F or M); only records it in a catch-up.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { evaluateCustomer, refreshTotals } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { recordRefund } from '../store/record-refund.js'

/** @example ctx.on('order.refunded', onOrderRefunded(ctx), { id: 'record-refund', phase: 'inTransaction' }) */
export const onOrderRefunded = (ctx: TieringContext) =>
  async function recordAndEvaluateRefund(event: RapportEvent<'order.refunded'>, { tx, catchUp }: SubscriberContext): Promise<void> {
    if (!event.customerId) return
    const changed = await recordRefund(tx, { orderId: event.payload.orderId, customerId: event.customerId, amountMinor: event.payload.amountMinor })
    // In a catch-up the full re-evaluation after it decides the tiers.
    if (!changed) return
    if (catchUp) return refreshTotals(ctx, tx, event.customerId, new Date(event.occurredAt))
    await evaluateCustomer(ctx, tx, event.customerId, { trigger: 'event', reasonId: 'evaluate-on-refund', key: event.id, eventSeq: event.seq, at: new Date(event.occurredAt) })
  }
