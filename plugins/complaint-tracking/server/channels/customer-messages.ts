/**
 * @module
 * Complaint messages to the customer, through core's delivery service (in the customer's own
 * language; consent, unsubscribes, the contact budget and quiet hours honoured there): the
 * complaint was received (`complaint.opened`), staff replied (from the reply route), and it was
 * resolved (`complaint.resolved`). Each is keyed on what it tells, so a repeat sends nothing new;
 * a case without a customer (a public-form case not matched to one) has nobody to write to.
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { caseFacts, customerCaseLink, isHistory, whenSettled } from './case-messages.js'

type Deliver = Pick<PluginContext, 'deliver' | 'now'>

async function toCustomer(ctx: Deliver, tx: Queryable, caseId: string, template: string, key: string): Promise<void> {
  const facts = await caseFacts(tx, caseId)
  if (!facts?.customerId) return
  await ctx.deliver({ to: { customerId: facts.customerId }, template, data: { caseNumber: facts.caseNumber }, link: customerCaseLink(caseId, ctx.now()), key, tx })
}

/** @example ctx.on('complaint.opened', receivedMessage(ctx), { id: 'message-received', phase: 'inTransaction' }) */
export const receivedMessage = (ctx: Deliver) =>
  async function messageReceived(event: RapportEvent<'complaint.opened'>, sub: SubscriberContext): Promise<void> {
    if (isHistory(event)) return
    const key = `received:${event.payload.caseId}`
    await whenSettled(sub, key, (tx) => toCustomer(ctx, tx, event.payload.caseId, 'complaint.received', key))
  }

/** @example ctx.on('complaint.resolved', resolvedMessage(ctx), { id: 'message-resolved', phase: 'inTransaction' }) */
export const resolvedMessage = (ctx: Deliver) =>
  async function messageResolved(event: RapportEvent<'complaint.resolved'>, sub: SubscriberContext): Promise<void> {
    if (isHistory(event)) return
    // A case resolved again after a reopening is news again: one message per resolution.
    const key = `resolved:${event.payload.caseId}:${event.payload.resolvedAt}`
    await whenSettled(sub, key, (tx) => toCustomer(ctx, tx, event.payload.caseId, 'complaint.resolved', key))
  }

/**
 * Tells the customer staff replied; called by the reply route in its transaction, for a reply the customer sees.
 * @example await replyMessage(ctx, tx, caseId, message.id)
 */
export function replyMessage(ctx: Deliver, tx: Queryable, caseId: string, messageId: string): Promise<void> {
  return toCustomer(ctx, tx, caseId, 'complaint.replied', `replied:${messageId}`)
}
