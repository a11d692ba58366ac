/**
 * @module
 * In-transaction subscriber for the event types in `eventBonuses`: credits a fixed bonus to an
 * active member, available at once (no return window, no caps). With `oncePerCustomer` the
 * ledger key is per customer, so the bonus is credited once ever; with `segmentId` only members
 * in that saved segment get it. Dated at the event's own time.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnPoints } from '../ledger/earn-points.js'
import { lockMember } from '../ledger/member-store.js'

/** @example ctx.on('survey.responseCompleted', bonusOnEvent(ctx, 'survey.responseCompleted'), { id: 'bonus:survey.responseCompleted', phase: 'inTransaction' }) */
export const bonusOnEvent = (ctx: PluginContext<PointsConfig>, type: string) =>
  async function bonusOnEventOf(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    const bonus = ctx.config.eventBonuses[type]
    const { customerId } = event
    if (!bonus || customerId === null) return
    const member = await lockMember(tx, ctx, customerId)
    if (member?.status !== 'active') return
    // Membership of the segment as of this transaction, so a profile change made by the same event counts.
    if (bonus.segmentId !== undefined && !(await ctx.segments.contains(bonus.segmentId, customerId, tx))) return
    await earnPoints(tx, ctx, {
      customerId, points: bonus.points, key: bonus.oncePerCustomer ? `bonus:${type}:${customerId}` : `bonus:${event.id}`, orderId: null,
      occurredAt: event.occurredAt, availableAt: event.occurredAt, eventSeq: event.seq, details: { bonusFor: type, eventId: event.id },
    })
  }
