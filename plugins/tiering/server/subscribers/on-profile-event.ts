/**
 * @module
 * After another plugin's event has changed the profile (a survey answered, points earned or
 * spent, a complaint opened or resolved), re-evaluates that customer in the same transaction, as
 * of the event's time, once the emitter has finished with it (those plugins mirror their fields
 * after they emit, so the work is settled, not done in the subscriber): the ladder, and for a
 * customer who ordered, the tier (which, on a points basis, follows the points at once). An
 * order's points are settled at the end of the order's own handling, after tiering evaluated the
 * order: then only what points can move is looked at again (see `followProfile`). A customer
 * tiering has not seen order gets a row too.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { TieringContext } from '../evaluation/types.js'
import { followProfile } from './follow-profile.js'

/** Events of the built-in plugins after which a customer's profile may have moved their ladder step or points tier. */
export const PROFILE_EVENTS = [
  'survey.response.completed',
  'points.earned', 'points.spent', 'points.revoked', 'points.adjusted', 'points.expired', 'points.referral.rewarded',
  'complaint.opened', 'complaint.resolved', 'complaint.reopened',
] as const

/** @example for (const type of PROFILE_EVENTS) ctx.on(type, onProfileEvent(ctx), { id: `reevaluate-after-${type}`, phase: 'inTransaction' }) */
export const onProfileEvent = (ctx: TieringContext) =>
  async function reevaluateFromProfile(event: RapportEvent, { tx, settle }: SubscriberContext): Promise<void> {
    const customerId = event.customerId
    if (!customerId) return
    const options = { trigger: 'event', reasonId: 'evaluate-on-profile', key: event.id, at: new Date(event.occurredAt) } as const
    // One look per customer when several of their events are settled together: the last one's.
    if (settle) await settle(`profile:${customerId}`, (q) => followProfile(ctx, q, customerId, options))
    else await followProfile(ctx, tx, customerId, options)
  }
