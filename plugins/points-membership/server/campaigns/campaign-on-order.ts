/**
 * @module
 * The in-transaction subscriber of `order.completed` for campaigns, registered after
 * `earn-on-order`: for each active campaign whose window holds the order's own time
 * (`occurredAt`, never the processing moment, so an imported order gets the campaigns of its
 * day), checks the conditions and credits the campaign's points within its budget. Only an order
 * that earned as a member's order (its `points_orders` row) qualifies. A repeat of the order finds
 * its credits by key and adds nothing.
 *
 * Caps: a campaign's points are outside the order's own earning calculation (a multiplier applies
 * to what the order earned after its caps) but inside the member's caps, `caps.perDay` and
 * `caps.perCustomer`: a credit is cut to the room the order's own points and earlier credits left
 * (the cut is `capCut` in its details), and, as an earn, it counts for the next orders. A campaign
 * cannot then push a member past the limits a shop set against abuse; the cut is taken before the
 * budget, so the budget pays only for what was credited.
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnedSoFar, findOrder } from '../earning/order-store.js'
import { customerTier } from '../earning/tier-multiplier.js'
import { findEntry } from '../ledger/entry-store.js'
import { lockMember } from '../ledger/member-store.js'
import { campaignPoints } from './campaign-points.js'
import { campaignsRunningAt, takeBudget } from './campaign-store.js'
import { campaignKey, creditCampaign } from './credit-campaign.js'

const EARLIER_ORDER = 'SELECT 1 AS found FROM points_orders WHERE customer_id = ? AND order_id <> ? AND created_at <= ? LIMIT 1'

/** No other order of the customer at or before `at`. @example await isFirstOrder(tx, id, 'o1', at) */
export async function isFirstOrder(q: Queryable, customerId: string, orderId: string, at: string): Promise<boolean> {
  return (await q.get(EARLIER_ORDER, [customerId, orderId, at])) === undefined
}

/** Points the member may still earn at `at` under the caps (Infinity without caps). @example await capRoom(tx, ctx.config, id, at) */
export async function capRoom(q: Queryable, config: Pick<PointsConfig, 'caps'>, customerId: string, at: string): Promise<number> {
  const { perDay, perCustomer } = config.caps
  if (perDay === undefined && perCustomer === undefined) return Number.POSITIVE_INFINITY
  const { earnedToday, earnedLifetime } = await earnedSoFar(q, customerId, at)
  return Math.max(0, Math.min(perDay === undefined ? Number.POSITIVE_INFINITY : perDay - earnedToday, perCustomer === undefined ? Number.POSITIVE_INFINITY : perCustomer - earnedLifetime))
}

/** @example ctx.on('order.completed', campaignOnOrder(ctx), { id: 'campaign-on-order', phase: 'inTransaction' }) */
export const campaignOnOrder = (ctx: PluginContext<PointsConfig>) =>
  async function campaignOnOrderEvent(event: RapportEvent<'order.completed'>, { tx }: SubscriberContext): Promise<void> {
    const { customerId, payload, occurredAt: at } = event
    if (customerId === null) return
    const running = await campaignsRunningAt(tx, at)
    if (running.length === 0) return
    const order = await findOrder(tx, payload.orderId)
    if (order?.customerId !== customerId) return
    let member = await lockMember(tx, ctx, customerId)
    if (member?.status !== 'active') return
    const tier = running.some((c) => c.conditions.tiers?.length) ? await customerTier(ctx, customerId) : null
    const firstOrder = running.some((c) => c.conditions.firstOrder) ? await isFirstOrder(tx, customerId, order.orderId, at) : false
    let room = await capRoom(tx, ctx.config, customerId, at)
    for (const campaign of running) {
      if (await findEntry(tx, campaignKey(campaign.id, order.orderId))) continue
      const { segmentId } = campaign.conditions
      const inSegment = segmentId === undefined || (await ctx.segments.contains(segmentId, customerId, tx))
      const credit = campaignPoints(campaign, payload, { basePoints: order.pointsEarned, tier, firstOrder, inSegment })
      if (!credit || credit.points <= 0) continue
      const allowed = Math.min(credit.points, room)
      const points = allowed > 0 ? await takeBudget(tx, campaign, allowed) : 0
      if (points === 0) continue
      room -= points
      member = await creditCampaign(tx, ctx, member, {
        campaign, points, asked: allowed, capCut: credit.points - allowed, detail: credit.detail, orderId: order.orderId, occurredAt: at, eventSeq: event.seq, eventId: event.id,
      })
    }
  }
