/**
 * @module
 * Re-scores a customer when one of the score's inputs may have moved. Orders and tier changes
 * are scored in the event's transaction (churn-risk's own rules already updated the history).
 * Surveys and complaints are scored after commit: satisfaction-survey and complaint-tracking
 * mirror their profile fields after they emit, so only then do `satisfaction.*` and
 * `complaints.open` hold the new values. Either way the score is as of the event's own time
 * (`occurredAt`), so an imported or late event scores its history, not the processing moment.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { ChurnConfig } from '../config.js'
import { rescoreCustomer } from '../scoring/rescore-customer.js'

/** Event types scored in the event's transaction. */
export const IN_TRANSACTION = ['order.completed', 'order.refunded', 'tier.changed'] as const
/**
 * Event types scored after commit, from the log. complaint-tracking emits `complaint.*` since its
 * 0.3.0; the `complaints.*` names it used before are kept for events already in the log.
 */
export const AFTER_COMMIT = [
  'survey.response.completed', 'complaint.opened', 'complaint.resolved', 'complaint.reopened',
  'complaints.opened', 'complaints.resolved', 'complaints.reopened',
] as const

/** @example ctx.on('order.completed', rescoreInTransaction(ctx), { id: 'rescore:order.completed', phase: 'inTransaction' }) */
export const rescoreInTransaction = (ctx: PluginContext<ChurnConfig>) =>
  async function rescoreInEventTransaction(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    if (event.customerId) await rescoreCustomer(ctx, tx, event.customerId, { id: `on:${event.type}`, eventSeq: event.seq }, new Date(event.occurredAt))
  }

/** @example ctx.on('complaints.opened', rescoreAfterCommit(ctx), { id: 'rescore:complaints.opened', phase: 'afterCommit' }) */
export const rescoreAfterCommit = (ctx: PluginContext<ChurnConfig>) =>
  async function rescoreAfterEventCommit(event: RapportEvent): Promise<void> {
    const customerId = event.customerId
    if (customerId) await ctx.db.tx((tx) => rescoreCustomer(ctx, tx, customerId, { id: `after:${event.type}`, eventSeq: event.seq }, new Date(event.occurredAt)))
  }
