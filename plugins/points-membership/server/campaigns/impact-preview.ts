/**
 * @module
 * The impact preview: replays the `order.completed` events of the last `days` days (by event
 * time) through the earning rules and campaigns as they are (before) and with a change (after): a
 * rule change (another config), a new or edited campaign, or both. Only orders that earned as a
 * member's order (their `points_orders` row) count. Reads only.
 *
 * As of now, not as of each order: the customer's tier multiplier and segments are today's, the
 * daily and lifetime caps and the campaigns' budgets are not applied, and the campaign tried is
 * applied to every order of the window (its own dates are not), so a shop sees what it would have
 * cost over a recent stretch of real orders.
 */
import type { PluginContext, Queryable, RapportEvent } from '@rapport/plugin-sdk'
import type { CampaignInput, ImpactReport } from '../../shared/campaign-schemas.js'
import type { PointsConfig } from '../config.js'
import { calculateEarning } from '../earning/calculate-earning.js'
import { findOrder } from '../earning/order-store.js'
import { customerTier, tierMultiplier } from '../earning/tier-multiplier.js'
import { isFirstOrder } from './campaign-on-order.js'
import { type CampaignOrder, campaignPoints } from './campaign-points.js'
import { campaignsRunningAt } from './campaign-store.js'

/** What to compare: `before` null earns nothing (the plugin is not enabled yet). */
export type ImpactOptions = {
  days: number; before: PointsConfig | null; after: PointsConfig
  /** A campaign to try on every order of the window. */
  campaign?: CampaignInput | undefined
  /** The stored campaign `campaign` replaces: left out of the after side. */
  replacing?: string | undefined
  tx?: Queryable
}

type Campaignish = Pick<CampaignInput, 'kind' | 'multiplier' | 'bonusPoints' | 'conditions'> & { id?: string }

const OUTSTANDING = 'SELECT COALESCE(SUM(balance), 0) AS n FROM points_members'

/** @example const report = await previewImpact(ctx, { days: 30, before: ctx.config, after: { ...ctx.config, pointsPerUnit: 2 } }) */
export async function previewImpact(ctx: PluginContext<PointsConfig>, options: ImpactOptions): Promise<ImpactReport & { eventsReplayed: number }> {
  const { days, before, after, tx } = options
  const q = tx ?? ctx.db
  const to = ctx.now().toISOString()
  const from = new Date(Date.parse(to) - days * 86_400_000).toISOString()
  const facts = factsOf(ctx, q)
  const byCustomer = new Map<string, number>()
  let ordersReplayed = 0
  let issuedBefore = 0
  let issuedAfter = 0
  for await (const event of ctx.readEvents({ types: ['order.completed'], from, to, ...(tx ? { tx } : {}) })) {
    const e = event as RapportEvent<'order.completed'>
    const { customerId, payload } = e
    if (customerId === null || payload.currency !== after.currency) continue
    const stored = await findOrder(q, payload.orderId)
    if (stored?.customerId !== customerId) continue
    ordersReplayed += 1
    const running = await campaignsRunningAt(q, e.occurredAt)
    const kept = running.filter((c) => c.id !== options.replacing)
    const was = before === null ? 0 : await earned(e, before, running, facts)
    const will = await earned(e, after, options.campaign ? [...kept, options.campaign] : kept, facts)
    issuedBefore += was
    issuedAfter += will
    byCustomer.set(customerId, (byCustomer.get(customerId) ?? 0) + will - was)
  }
  const outstanding = Number((await q.get<{ n: number }>(OUTSTANDING))?.n ?? 0)
  const change = issuedAfter - issuedBefore
  const liabilityBefore = Math.round(outstanding * (before ?? after).pointValueMinor)
  const liabilityAfter = Math.round((outstanding + change) * after.pointValueMinor)
  return {
    days, from, to, ordersReplayed, eventsReplayed: ordersReplayed,
    customersAffected: [...byCustomer.values()].filter((d) => d !== 0).length,
    pointsIssued: { before: issuedBefore, after: issuedAfter, change },
    liability: { before: liabilityBefore, after: liabilityAfter, change: liabilityAfter - liabilityBefore, currency: after.currency },
    pointsOutstanding: outstanding,
  }
}

type Facts = ReturnType<typeof factsOf>

/** What an order earns under `config` and `campaigns`, as the order path computes it (without caps). */
async function earned(e: RapportEvent<'order.completed'>, config: PointsConfig, campaigns: readonly Campaignish[], facts: Facts): Promise<number> {
  const customerId = e.customerId!
  const base = calculateEarning(e.payload, { ...config, caps: {} }, { tierMultiplier: await facts.multiplier(customerId) }).points
  let total = base
  for (const c of campaigns) {
    const inSegment = c.conditions.segmentId === undefined || (await facts.inSegment(c.conditions.segmentId, customerId))
    const tier = c.conditions.tiers?.length ? await facts.tier(customerId) : null
    const first = c.conditions.firstOrder ? await facts.first(customerId, e.payload.orderId, e.occurredAt) : false
    total += campaignPoints(c, e.payload as CampaignOrder, { basePoints: base, tier, firstOrder: first, inSegment })?.points ?? 0
  }
  return total
}

/** The reads the conditions need, once per customer (segment) or order. */
function factsOf(ctx: PluginContext<PointsConfig>, q: Queryable) {
  const memo = new Map<string, Promise<unknown>>()
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, read())
    return memo.get(key) as Promise<T>
  }
  return {
    multiplier: (id: string) => once(`m:${id}`, () => tierMultiplier(ctx, id)),
    tier: (id: string) => once(`t:${id}`, () => customerTier(ctx, id)),
    inSegment: (segmentId: string, id: string) => once(`s:${segmentId}:${id}`, () => ctx.segments.contains(segmentId, id, q)),
    first: (id: string, orderId: string, at: string) => once(`f:${orderId}`, () => isFirstOrder(q, id, orderId, at)),
  }
}
