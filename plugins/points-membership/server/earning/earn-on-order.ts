/**
 * @module
 * The in-transaction subscriber of `order.completed`: enrols on the first order (when
 * `autoEnrol`), computes the earning and credits it as a pending lot, in the order's transaction.
 * Everything is dated at the order's own time (`occurredAt`): the member joins then, the lot
 * becomes available and expires counted from it. Business refusals (other currency, not a member,
 * inactive) earn nothing rather than failing the order's ingest.
 *
 * The hot path of every order: the order row is inserted first with `ON CONFLICT DO NOTHING`
 * (a repeat stops there, without a separate read), and a new order's ledger key cannot exist yet,
 * so it is not looked up.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnPoints } from '../ledger/earn-points.js'
import { enrol } from '../ledger/enrol.js'
import { joinedBy, lockMember } from '../ledger/member-store.js'
import { calculateEarning } from './calculate-earning.js'
import { earnedSoFar, insertOrder } from './order-store.js'
import { tierMultiplier } from './tier-multiplier.js'

/** @example ctx.on('order.completed', earnOnOrder(ctx), { id: 'earn-on-order', phase: 'inTransaction' }) */
export const earnOnOrder = (ctx: PluginContext<PointsConfig>) =>
  async function earnOnOrderEvent(event: RapportEvent<'order.completed'>, { tx }: SubscriberContext): Promise<void> {
    const { customerId, payload, occurredAt: at } = event
    if (customerId === null) return
    if (payload.currency !== ctx.config.currency) {
      ctx.log.warn({ orderId: payload.orderId, currency: payload.currency }, 'order in another currency earns no points')
      return
    }
    // Lock the account first, so a second event for the same order waits and then sees the first.
    let member = await lockMember(tx, ctx, customerId)
    if (!member && ctx.config.autoEnrol) member = (await enrol(tx, ctx, customerId, { at, eventSeq: event.seq })).member
    if (member?.status !== 'active') return
    const { caps } = ctx.config
    // The two sums over the member's ledger are only needed when a cap is configured.
    const earnedBefore = caps.perDay === undefined && caps.perCustomer === undefined ? {} : await earnedSoFar(tx, customerId, at)
    const earning = calculateEarning(payload, ctx.config, { tierMultiplier: await tierMultiplier(ctx, customerId), ...earnedBefore })
    const order = { orderId: payload.orderId, customerId, amountMinor: payload.amountMinor, currency: payload.currency, pointsEarned: earning.points }
    if (!(await insertOrder(tx, order, at))) return // this order was seen before: it earned then
    member = await joinedBy(tx, ctx, member, at, event.seq)
    if (earning.points === 0) return
    await earnPoints(tx, ctx, {
      customerId, points: earning.points, key: `earn:${payload.orderId}`, orderId: payload.orderId, occurredAt: at,
      eventSeq: event.seq, details: { lines: earning.lines, eventId: event.id }, fresh: true,
    }, member) // still locked: the row was read (and locked) above in this transaction
  }
