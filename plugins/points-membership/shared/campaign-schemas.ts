/**
 * @module
 * The HTTP shapes of campaigns (time-boxed multipliers and bonuses) and of the impact preview,
 * shared by the server and the admin's campaign pages.
 */
import { z } from '@rapport/plugin-sdk'

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())

/** Who a campaign is for; every condition given must hold (an empty list is no condition). */
export const campaignConditions = z.strictObject({
  /** A saved segment (core's Segments page), as of the order's transaction. */
  segmentId: z.string().min(1).max(64).optional(),
  /** Value tiers from tiering (`diamond`, `silver`, …); a customer without a tier never matches. */
  tiers: z.array(z.string().min(1).max(40)).max(10).optional(),
  /** Order channels (`store`, `web`, `app`, `wechat`, `phone`, `other`); an order without one never matches. */
  channels: z.array(z.string().min(1).max(20)).max(10).optional(),
  /** Item categories: the order must hold one; a multiplier applies to those items' share only. */
  categories: z.array(z.string().min(1).max(100)).max(20).optional(),
  /** Only the customer's first order (no earlier order by event time). */
  firstOrder: z.boolean().optional(),
})

const campaignFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['multiplier', 'bonus']).openapi({ description: 'multiplier: the order earns × multiplier; bonus: a fixed number of points per qualifying order' }),
  multiplier: z.number().gt(1).max(10).optional(),
  bonusPoints: z.int().positive().max(1_000_000).optional(),
  startsAt: instant.openapi({ description: 'Orders whose own time (occurredAt) is at or after it qualify' }),
  endsAt: instant.openapi({ description: 'Orders whose own time is before it qualify' }),
  conditions: campaignConditions.default({}),
  budgetPoints: z.int().positive().max(1_000_000_000).nullable().default(null)
    .openapi({ description: 'Most points the campaign issues; the order that reaches it gets what is left, later orders nothing' }),
  active: z.boolean().default(true),
}

type CampaignShape = { kind: 'multiplier' | 'bonus'; multiplier?: number | undefined; bonusPoints?: number | undefined; startsAt: string; endsAt: string }
const wellFormed = <T extends z.ZodType<CampaignShape>>(schema: T) => schema
  .refine((c) => (c.kind === 'multiplier' ? c.multiplier !== undefined && c.bonusPoints === undefined : c.bonusPoints !== undefined && c.multiplier === undefined),
    { message: 'a multiplier campaign takes multiplier, a bonus campaign bonusPoints', path: ['kind'] })
  .refine((c) => c.endsAt > c.startsAt, { message: 'endsAt must be after startsAt', path: ['endsAt'] })

/** `POST /campaigns` and `PUT /campaigns/{campaignId}`: the whole campaign. */
export const campaignInput = wellFormed(z.strictObject(campaignFields)).openapi('PointsCampaignInput')
export type CampaignInput = z.infer<typeof campaignInput>

/** Where a campaign stands as of the request. */
export const CAMPAIGN_STATES = ['scheduled', 'running', 'ended', 'paused', 'exhausted'] as const

/** A stored campaign. */
export const campaignSchema = z.object({
  id: z.string(), ...campaignFields, startsAt: z.string(), endsAt: z.string(),
  issuedPoints: z.int().openapi({ description: 'Points credited so far (the budget counts these)' }),
  state: z.enum(CAMPAIGN_STATES), createdAt: z.string(), updatedAt: z.string(),
}).openapi('PointsCampaign')
export type Campaign = z.infer<typeof campaignSchema>

/** `{campaignId}` path parameter. */
export const campaignParams = z.object({ campaignId: z.string().min(1).max(64) })

/** Earning settings an impact preview may try instead of the current ones (a rule change). */
export const ruleChange = z.strictObject({
  pointsPerUnit: z.number().nonnegative().max(1000).optional(),
  categoryMultipliers: z.record(z.string().min(1), z.number().positive().max(100)).optional(),
  pointValueMinor: z.number().nonnegative().max(1_000_000).optional(),
})

/** `POST /campaigns/impact`: replay the last `days` days of orders with a campaign, a rule change, or both. */
export const impactRequest = z.strictObject({
  days: z.int().min(1).max(366).default(30),
  campaign: campaignInput.optional(),
  /** The stored campaign this one replaces (editing): its own credits are not counted twice. */
  replacing: z.string().min(1).max(64).optional(),
  config: ruleChange.optional(),
}).openapi('PointsImpactRequest')
export type ImpactRequest = z.infer<typeof impactRequest>

const figures = z.object({ before: z.int(), after: z.int(), change: z.int() })

/** What a campaign or a rule change would have done to the orders of the last `days` days. */
export const impactReport = z.object({
  days: z.int(), from: z.string(), to: z.string(),
  ordersReplayed: z.int().openapi({ description: 'order.completed events in the window, with a customer, in the currency' }),
  customersAffected: z.int().openapi({ description: 'Customers who would have earned a different number of points' }),
  pointsIssued: figures.openapi({ description: 'Points the replayed orders earn now (before) and with the change (after)' }),
  liability: figures.extend({ currency: z.string() }).openapi({ description: 'Points outstanding × point value, in minor units: now, and with the change added' }),
  pointsOutstanding: z.int(),
}).openapi('PointsImpactReport')
export type ImpactReport = z.infer<typeof impactReport>
