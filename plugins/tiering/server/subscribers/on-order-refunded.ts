/**
 * @module
 * In the transaction of `order.refunded`: lowers the order's net amount and re-evaluates that
 * customer (a lower tier waits for the downgrade policy).
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { evaluateCustomer } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { recordRefund } from '../store/record-refund.js'

/** @example ctx.on('order.refunded', onOrderRefunded(ctx), { id: 'record-refund', phase: 'inTransaction' }) */
export const onOrderRefunded = (ctx: TieringContext) =>
  async function recordAndEvaluateRefund(event: RapportEvent<'order.refunded'>, { tx }: SubscriberContext): Promise<void> {
    if (!event.customerId) return
    const taken = await recordRefund(tx, { orderId: event.payload.orderId, customerId: event.customerId, amountMinor: event.payload.amountMinor })
    if (taken === 0) return
    await evaluateCustomer(ctx, tx, event.customerId, { trigger: 'event', reasonId: 'evaluate-on-refund', key: event.id, eventSeq: event.seq })
  }
