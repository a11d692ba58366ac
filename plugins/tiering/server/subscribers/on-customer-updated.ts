/**
 * @module
 * In the transaction of `customer.updated` (how customers arrive through the events API and
 * imports): a customer tiering has not seen yet enters the ladder as 潜在 prospect (or higher, if
 * their profile already says so), dated at the event, so prospects count in the funnel and the
 * ladder over time before their first order.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { TieringContext } from '../evaluation/types.js'
import { placeOnLadder } from './place-on-ladder.js'

const KNOWN = 'SELECT 1 AS known FROM tiering_customers WHERE customer_id = ? AND ladder IS NOT NULL'

/** @example ctx.on('customer.updated', onCustomerUpdated(ctx), { id: 'ladder-on-customer', phase: 'inTransaction', catchUp: true }) */
export const onCustomerUpdated = (ctx: TieringContext) =>
  async function enterLadder(event: RapportEvent<'customer.updated'>, { tx }: SubscriberContext): Promise<void> {
    const customerId = event.customerId
    if (!customerId || (await tx.get(KNOWN, [customerId]))) return
    await placeOnLadder(ctx, tx, customerId, { trigger: 'event', reasonId: 'ladder-on-customer', key: event.id, at: new Date(event.occurredAt), eventSeq: event.seq })
  }
