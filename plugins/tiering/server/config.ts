/**
 * @module
 * The tiering config: RFM window and segments, value tiers (percentiles or spend thresholds),
 * downgrade policy, recency status and benefits. Refinements name each problem, so the host
 * answers 422 PLUGIN_CONFIG_INVALID and keeps the stored config unchanged.
 */
import { z } from '@rapport/plugin-sdk'
import { isKnownField } from './known-fields.js'
import { criteriaOf, ladder } from './ladder-config.js'
import { thresholdProblems } from './threshold-problems.js'
import { SEGMENTS, TIERS } from '../shared/vocabulary.js'

const label = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) })
const score = z.number().int().min(1).max(5)
const range = z.tuple([score, score])

/** One named segment: scores within each inclusive range. The first match wins. */
const segmentRule = z.object({ segment: z.enum(SEGMENTS), r: range, f: range, m: range })

/** Default segment ranges (R, F, M), tried in this order. */
export const DEFAULT_SEGMENTS: z.input<typeof segmentRule>[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: 'loyal', r: [3, 5], f: [3, 5], m: [1, 5] },
  { segment: 'new', r: [5, 5], f: [1, 1], m: [1, 5] },
  { segment: 'promising', r: [3, 4], f: [1, 1], m: [1, 5] },
  { segment: 'potentialLoyalist', r: [3, 5], f: [2, 2], m: [1, 5] },
  { segment: 'cantLose', r: [1, 1], f: [4, 5], m: [4, 5] },
  { segment: 'atRisk', r: [1, 2], f: [4, 5], m: [1, 5] },
  { segment: 'needAttention', r: [2, 2], f: [3, 3], m: [1, 5] },
  { segment: 'aboutToSleep', r: [2, 2], f: [2, 2], m: [1, 5] },
  { segment: 'lost', r: [1, 1], f: [1, 2], m: [1, 5] },
  { segment: 'hibernating', r: [1, 2], f: [1, 3], m: [1, 5] },
]

/** A tier's spend range within the window, `[minMinor, maxMinor)`; the highest tier has no max. */
const spendRange = z.object({ minMinor: z.number().int().min(0), maxMinor: z.number().int().positive().optional() })
/** A tier's points range, `[min, max)`; the highest tier has no max. */
const pointsRange = z.object({ min: z.number().int().min(0), max: z.number().int().positive().optional() })

const tiers = z.object({
  mode: z.enum(['percentile', 'thresholds']).default('percentile'),
  /** Share of the spending customers in each tier, highest first; integers summing to 100. */
  percentiles: z.object({ diamond: z.number().int().min(0), silver: z.number().int().min(0), bronze: z.number().int().min(0), iron: z.number().int().min(0) })
    .default({ diamond: 20, silver: 30, bronze: 30, iron: 20 }),
  /** Contiguous spend ranges in minor units: iron starts at 0, each tier starts where the one below ends. */
  thresholds: z.object({ iron: spendRange, bronze: spendRange, silver: spendRange, diamond: spendRange }).default({
    iron: { minMinor: 0, maxMinor: 100_000 }, bronze: { minMinor: 100_000, maxMinor: 500_000 },
    silver: { minMinor: 500_000, maxMinor: 2_000_000 }, diamond: { minMinor: 2_000_000 },
  }),
  /** What thresholds measure: net spend in the window, or the points balance / lifetime points earned (`points.*`, 0 while absent). */
  basis: z.enum(['spend', 'pointsBalance', 'pointsLifetime']).default('spend'),
  /** Contiguous points ranges for the points bases, same rules as `thresholds`. */
  pointsThresholds: z.object({ iron: pointsRange, bronze: pointsRange, silver: pointsRange, diamond: pointsRange }).default({
    iron: { min: 0, max: 1_000 }, bronze: { min: 1_000, max: 5_000 }, silver: { min: 5_000, max: 20_000 }, diamond: { min: 20_000 },
  }),
  names: z.object({ diamond: label, silver: label, bronze: label, iron: label }).default({
    diamond: { en: 'Diamond', 'zh-CN': '金钻' }, silver: { en: 'Silver', 'zh-CN': '白银' },
    bronze: { en: 'Bronze', 'zh-CN': '铜' }, iron: { en: 'Iron', 'zh-CN': '铁' },
  }),
  /** When a customer may move down: never, once they have qualified only for a lower tier for `graceDays`, or at the full re-evaluation. */
  downgrade: z.enum(['never', 'gracePeriod', 'atReevaluation']).default('atReevaluation'),
  graceDays: z.number().int().min(0).default(30),
})

const recency = z.object({
  /** Orders needed before the customer's own typical gap is trusted. */
  minOrders: z.number().int().min(2).default(3),
  /** A typical gap is never taken as shorter than this. */
  minGapDays: z.number().positive().default(7),
  atRiskFactor: z.number().positive().default(1.5),
  hibernatingFactor: z.number().positive().default(3),
  /** Fallbacks for customers with fewer orders. */
  atRiskAfterDays: z.number().int().positive().default(90),
  hibernatingAfterDays: z.number().int().positive().default(180),
})

const benefit = z.object({
  pointsMultiplier: z.number().min(0).max(100),
  exclusiveRewards: z.array(z.string().min(1)).default([]),
  slaPriority: z.enum(['normal', 'high', 'urgent']),
})

/** The plugin's config; every key has a default, so `{}` is a valid config. */
export const config = z.object({
  windowDays: z.number().int().min(1).max(3650).default(365),
  /** Cut points from a smaller population are not trusted: orders are then ranked against everyone's stored values. */
  minCutPointPopulation: z.number().int().min(1).default(10),
  segments: z.array(segmentRule).min(1).default(DEFAULT_SEGMENTS),
  /** The segment of a score combination no rule matches. */
  fallbackSegment: z.enum(SEGMENTS).default('needAttention'),
  tiers: tiers.default(tiers.parse({})),
  recency: recency.default(recency.parse({})),
  /** The upgrade ladder 潜在 → 可能 → 顾客 → 常客 → 支持者 → 拥护者: a customer stands on the highest step whose criteria hold. */
  ladder: ladder.default(ladder.parse({})),
  benefits: z.object({ diamond: benefit, silver: benefit, bronze: benefit, iron: benefit }).default({
    diamond: { pointsMultiplier: 2, exclusiveRewards: ['diamond-gift'], slaPriority: 'urgent' },
    silver: { pointsMultiplier: 1.5, exclusiveRewards: [], slaPriority: 'high' },
    bronze: { pointsMultiplier: 1.2, exclusiveRewards: [], slaPriority: 'normal' },
    iron: { pointsMultiplier: 1, exclusiveRewards: [], slaPriority: 'normal' },
  }),
}).superRefine((c, ctx) => {
  const sum = TIERS.reduce((total, tier) => total + c.tiers.percentiles[tier], 0)
  if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['tiers', 'percentiles'], message: `Tier percentiles must sum to 100, not ${sum}` })
  for (const problem of thresholdProblems(c.tiers.thresholds)) ctx.addIssue({ code: 'custom', path: ['tiers', 'thresholds', problem.tier], message: problem.message })
  const points = c.tiers.pointsThresholds
  const asMinor = Object.fromEntries(Object.entries(points).map(([tier, r]) => [tier, { minMinor: r.min, ...(r.max === undefined ? {} : { maxMinor: r.max }) }])) as SpendThresholds
  for (const problem of thresholdProblems(asMinor, 'max')) ctx.addIssue({ code: 'custom', path: ['tiers', 'pointsThresholds', problem.tier], message: problem.message })
  c.segments.forEach((s, i) => {
    for (const axis of ['r', 'f', 'm'] as const) {
      if (s[axis][0] > s[axis][1]) ctx.addIssue({ code: 'custom', path: ['segments', i, axis], message: `Range ${s[axis][0]}–${s[axis][1]} of ${s.segment} is empty` })
    }
  })
  for (const [stepName, conditions] of Object.entries(c.ladder)) {
    for (const [at, k] of criteriaOf(conditions ?? [])) {
      const path = ['ladder', stepName, ...at]
      if (!isKnownField(k.field)) ctx.addIssue({ code: 'custom', path: [...path, 'field'], message: `Unknown field ${k.field}` })
      if (k.op !== 'exists' && k.value === undefined) ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `${k.op} needs a value` })
      if (k.op === 'in' && !Array.isArray(k.value)) ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: 'in needs a list' })
      if (['gt', 'gte', 'lt', 'lte'].includes(k.op) && typeof k.value !== 'number') ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `${k.op} needs a number` })
    }
  }
  if (c.recency.hibernatingFactor <= c.recency.atRiskFactor) ctx.addIssue({ code: 'custom', path: ['recency', 'hibernatingFactor'], message: 'hibernatingFactor must be above atRiskFactor' })
  if (c.recency.hibernatingAfterDays <= c.recency.atRiskAfterDays) ctx.addIssue({ code: 'custom', path: ['recency', 'hibernatingAfterDays'], message: 'hibernatingAfterDays must be above atRiskAfterDays' })
})

export type TieringConfig = z.infer<typeof config>
export type { LadderCondition, LadderCriterion } from './ladder-config.js'
export type SpendThresholds = TieringConfig['tiers']['thresholds']
export { thresholdProblems }
