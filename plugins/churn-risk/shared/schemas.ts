/**
 * @module
 * The shapes churn-risk's routes answer, shared by the server and the admin pages.
 */
import { z } from '@rapport/plugin-sdk'

export const PART_KEYS = ['rhythm', 'satisfaction', 'complaints', 'tierDowngrade'] as const
export type PartKey = (typeof PART_KEYS)[number]
export const bandSchema = z.enum(['low', 'medium', 'high'])

const parts = z.object({ rhythm: z.number().int(), satisfaction: z.number().int(), complaints: z.number().int(), tierDowngrade: z.number().int() })

/** Sort keys of the at-risk list; `-` sorts descending. */
export const SORTS = ['score', '-score', 'revenueAtStake', '-revenueAtStake', 'lastOrderAt', '-lastOrderAt'] as const

export const atRiskQuery = z.object({
  /** `atRisk` is medium and high. */
  band: z.enum(['atRisk', 'low', 'medium', 'high', 'all']).default('atRisk'),
  sort: z.enum(SORTS).default('-score'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type AtRiskQuery = z.infer<typeof atRiskQuery>

export const atRiskCustomer = z.object({
  customerId: z.string(), score: z.number().int(), band: bandSchema, parts,
  /** Parts that add points, the biggest first. */
  reasons: z.array(z.enum(PART_KEYS)),
  pActive: z.number().nullable(), typicalGapDays: z.number().nullable(), lastOrderAt: z.string().nullable(),
  revenueAtStakeMinor: z.number().int(), currency: z.string().nullable(), scoredAt: z.string(),
})
export type AtRiskCustomer = z.infer<typeof atRiskCustomer>
export const atRiskPage = z.object({ items: z.array(atRiskCustomer), total: z.number().int() })
export type AtRiskPage = z.infer<typeof atRiskPage>

/** One customer's score, part by part, with what each part read. */
export const breakdown = z.object({
  customerId: z.string(), score: z.number().int(), band: bandSchema, scoredAt: z.string(), revenueAtStakeMinor: z.number().int(), currency: z.string().nullable(),
  parts: z.object({
    rhythm: z.object({ points: z.number().int(), max: z.number().int(), orders: z.number().int(), daysSinceLastOrder: z.number().int().nullable(), typicalGapDays: z.number().nullable(), pActive: z.number().nullable() }),
    satisfaction: z.object({ points: z.number().int(), max: z.number().int(), now: z.number().nullable(), peak: z.number().nullable(), drop: z.number() }),
    complaints: z.object({ points: z.number().int(), max: z.number().int(), open: z.number().int() }),
    tierDowngrade: z.object({ points: z.number().int(), max: z.number().int(), lastDowngradeAt: z.string().nullable(), windowDays: z.number().int() }),
  }),
})
export type Breakdown = z.infer<typeof breakdown>

export const winBackResult = z.object({
  status: z.enum(['offered', 'alreadyOffered', 'unavailable']), period: z.string(),
  points: z.number().int().optional(), entryId: z.string().optional(), reason: z.string().optional(),
})

export const atRiskWidget = z.object({
  bands: z.array(z.object({ band: bandSchema, count: z.number().int() })),
  /** Revenue at stake of medium and high risk customers, per currency. */
  revenueAtStake: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
})
export type AtRiskWidgetData = z.infer<typeof atRiskWidget>
