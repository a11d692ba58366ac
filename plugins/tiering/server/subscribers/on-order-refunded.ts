/**
 * @module
 * In the transaction of `order.refunded`: lowers the order's net amount and re-evaluates that
 * customer (a lower tier waits for the downgrade policy); only records it in a catch-up.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { evaluateCustomer } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { recordRefund } from '../store/record-refund.js'

/** @example ctx.on('order.refunded', onOrderRefunded(ctx), { id: 'record-refund', phase: 'inTransaction' }) */
export const onOrderRefunded = (ctx: TieringContext) =>
  async function recordAndEvaluateRefund(event: RapportEvent<'order.refunded'>, { tx, catchUp }: SubscriberContext): Promise<void> {
    if (!event.customerId) return
    const taken = await recordRefund(tx, { orderId: event.payload.orderId, customerId: event.customerId, amountMinor: event.payload.amountMinor })
    // In a catch-up the full re-evaluation after it decides the tiers.
    if (taken === 0 || catchUp) return
    await evaluateCustomer(ctx, tx, event.customerId, { trigger: 'event', reasonId: 'evaluate-on-refund', key: event.id, eventSeq: event.seq })
  }
