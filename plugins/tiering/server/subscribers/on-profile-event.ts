/**
 * @module
 * After another plugin's event has changed the profile (a survey answered, points earned or
 * spent, a complaint opened or resolved), re-evaluates that customer from the committed profile,
 * as of the event's time: the ladder, and for a customer who ordered, the tier (which, on a
 * points basis, follows the points at once). It runs after commit because those plugins mirror
 * their fields after they emit. A customer tiering has not seen order gets a row too.
 */
import type { RapportEvent } from '@rapport/plugin-sdk'
import type { TieringContext } from '../evaluation/types.js'
import { placeOnLadder } from './place-on-ladder.js'

/** Events of the built-in plugins after which a customer's profile may have moved their ladder step or points tier. */
export const PROFILE_EVENTS = [
  'survey.response.completed',
  'points.earned', 'points.spent', 'points.revoked', 'points.adjusted', 'points.expired',
  'complaint.opened', 'complaint.resolved', 'complaint.reopened',
] as const

/** @example for (const type of PROFILE_EVENTS) ctx.on(type, onProfileEvent(ctx), { id: `profile-${type}`, phase: 'afterCommit' }) */
export const onProfileEvent = (ctx: TieringContext) =>
  async function reevaluateFromProfile(event: RapportEvent): Promise<void> {
    const customerId = event.customerId
    if (!customerId) return
    const options = { trigger: 'event', reasonId: 'evaluate-on-profile', key: event.id, at: new Date(event.occurredAt) } as const
    await ctx.db.tx((tx) => placeOnLadder(ctx, tx, customerId, options))
  }
