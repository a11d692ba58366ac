/**
 * @module
 * After another plugin's event has changed the profile (a survey answered, points earned or
 * spent, a complaint opened or resolved), re-evaluates that customer from the committed profile:
 * the ladder, and for a customer who ordered, the tier (which, on a points basis, follows the
 * points at once). It runs after commit because those plugins mirror their fields after they emit.
 * A customer tiering has not seen order gets a row too, so 潜在 / 可能 show in the funnel.
 */
import type { RapportEvent } from '@rapport/plugin-sdk'
import { applyLadder } from '../evaluation/apply-ladder.js'
import { evaluateCustomer } from '../evaluation/evaluate-customer.js'
import type { TieringContext } from '../evaluation/types.js'
import { customerRow } from '../store/customer-row.js'
import { refreshPoints } from '../store/points-copy.js'

/** Events of the built-in plugins after which a customer's profile may have moved their ladder step or points tier. */
export const PROFILE_EVENTS = [
  'survey.response.completed',
  'points.earned', 'points.spent', 'points.revoked', 'points.adjusted', 'points.expired',
  'complaint.opened', 'complaint.resolved', 'complaint.reopened',
] as const

const ENSURE_ROW = 'INSERT INTO tiering_customers (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING'

/** @example for (const type of PROFILE_EVENTS) ctx.on(type, onProfileEvent(ctx), { id: `profile-${type}`, phase: 'afterCommit' }) */
export const onProfileEvent = (ctx: TieringContext) =>
  async function reevaluateFromProfile(event: RapportEvent): Promise<void> {
    const customerId = event.customerId
    if (!customerId) return
    const options = { trigger: 'event', reasonId: 'evaluate-on-profile', key: event.id } as const
    await ctx.db.tx(async (tx) => {
      await tx.run(ENSURE_ROW, [customerId])
      const row = (await customerRow(tx, customerId))!
      if (row.last_order_day !== null) return evaluateCustomer(ctx, tx, customerId, options)
      await refreshPoints(ctx, tx, customerId)
      await applyLadder(ctx, tx, row, options)
    })
  }
