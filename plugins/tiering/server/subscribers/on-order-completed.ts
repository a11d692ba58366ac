/**
 * @module
 * In the transaction of `order.completed`: records the order and re-evaluates that customer as of
 * the order's time (only records it when the host replays a past order in a catch-up).
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { evaluateCustomer, refreshTotals } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { recordOrder } from '../store/record-order.js'

/** @example ctx.on('order.completed', onOrderCompleted(ctx), { id: 'record-order', phase: 'inTransaction' }) */
export const onOrderCompleted = (ctx: TieringContext) =>
  async function recordAndEvaluateOrder(event: RapportEvent<'order.completed'>, { tx, catchUp }: SubscriberContext): Promise<void> {
    if (!event.customerId) return
    const { orderId, amountMinor, currency } = event.payload
    const recorded = await recordOrder(tx, { orderId, customerId: event.customerId, amountMinor, currency, occurredAt: event.occurredAt })
    // In a catch-up, scores against a half-replayed population would only make passing tiers: the full re-evaluation after it decides.
    if (!recorded) return
    if (catchUp) return refreshTotals(ctx, tx, event.customerId, new Date(event.occurredAt))
    await evaluateCustomer(ctx, tx, event.customerId, { trigger: 'event', reasonId: 'evaluate-on-order', key: event.id, eventSeq: event.seq, at: new Date(event.occurredAt) })
  }
