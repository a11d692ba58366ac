/**
 * @module
 * The tiering config: RFM window and segments, value tiers (percentiles or spend thresholds),
 * downgrade policy, recency status and benefits. Refinements name each problem, so the host
 * answers 422 PLUGIN_CONFIG_INVALID and keeps the stored config unchanged.
 */
import { configText, z } from '@rapport/plugin-sdk'
import { isKnownField } from './known-fields.js'
import { criteriaOf, ladder } from './ladder-config.js'
import { thresholdProblems } from './threshold-problems.js'
import { DEFAULT_TIER_NAMES, SEGMENTS, TIERS } from '../shared/vocabulary.js'
import { profile } from './profile.js'

const label = z.object({ en: z.string().min(1).meta(configText(['English', '英文'])), 'zh-CN': z.string().min(1).meta(configText(['Chinese', '中文'])) })
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
const spendRange = z.object({ minMinor: z.number().int().min(0).meta(configText(['From (minor units)', '起点（分）'])), maxMinor: z.number().int().positive().optional().meta(configText(['Up to, not including (minor units)', '上限（不含，分）'], ['Empty for the highest tier.', '最高等级留空。'])) })
/** A tier's points range, `[min, max)`; the highest tier has no max. */
const pointsRange = z.object({ min: z.number().int().min(0).meta(configText(['From (points)', '起点（积分）'])), max: z.number().int().positive().optional().meta(configText(['Up to, not including (points)', '上限（不含，积分）'], ['Empty for the highest tier.', '最高等级留空。'])) })

const tiers = z.object({
  mode: z.enum(['percentile', 'thresholds']).default('percentile').meta(configText(['How tiers are set', '分级方式'], undefined, { percentile: ['By share of spending customers', '按消费客户占比'], thresholds: ['By thresholds', '按门槛'] })),
  /** Share of the spending customers in each tier, highest first; integers summing to 100. */
  percentiles: z.object({ diamond: z.number().int().min(0).meta(configText(['Diamond', '金钻'])), silver: z.number().int().min(0).meta(configText(['Silver', '白银'])), bronze: z.number().int().min(0).meta(configText(['Bronze', '铜'])), iron: z.number().int().min(0).meta(configText(['Iron', '铁'])) })
    .default({ diamond: 20, silver: 30, bronze: 30, iron: 20 }).meta(configText(['Share of customers per tier (%)', '各等级客户占比（%）'], ['Of the customers who spent in the window, highest tier first; whole numbers summing to 100.', '统计窗口内有消费的客户中各等级的占比，从高到低；整数，合计 100。'])),
  /** Contiguous spend ranges in minor units: iron starts at 0, each tier starts where the one below ends. */
  thresholds: z.object({ iron: spendRange.meta({ label: DEFAULT_TIER_NAMES.iron }), bronze: spendRange.meta({ label: DEFAULT_TIER_NAMES.bronze }), silver: spendRange.meta({ label: DEFAULT_TIER_NAMES.silver }), diamond: spendRange.meta({ label: DEFAULT_TIER_NAMES.diamond }) }).default({
    iron: { minMinor: 0, maxMinor: 100_000 }, bronze: { minMinor: 100_000, maxMinor: 500_000 },
    silver: { minMinor: 500_000, maxMinor: 2_000_000 }, diamond: { minMinor: 2_000_000 },
  }).meta(configText(['Spend thresholds', '消费门槛'], ['Contiguous spend ranges in the window, in minor units (fen): iron starts at 0 and each tier starts where the one below ends.', '统计窗口内的连续消费区间，以分为单位：铁从 0 开始，每个等级从下一等级的上限开始。'])),
  /** What thresholds measure: net spend in the window, or the points balance / lifetime points earned (`points.*`, 0 while absent). */
  basis: z.enum(['spend', 'pointsBalance', 'pointsLifetime']).default('spend').meta(configText(['Thresholds measure', '门槛衡量'], undefined, { spend: ['Net spend in the window', '窗口内净消费'], pointsBalance: ['Points balance', '积分余额'], pointsLifetime: ['Lifetime points earned', '累计获得积分'] })),
  /** Contiguous points ranges for the points bases, same rules as `thresholds`. */
  pointsThresholds: z.object({ iron: pointsRange.meta({ label: DEFAULT_TIER_NAMES.iron }), bronze: pointsRange.meta({ label: DEFAULT_TIER_NAMES.bronze }), silver: pointsRange.meta({ label: DEFAULT_TIER_NAMES.silver }), diamond: pointsRange.meta({ label: DEFAULT_TIER_NAMES.diamond }) }).default({
    iron: { min: 0, max: 1_000 }, bronze: { min: 1_000, max: 5_000 }, silver: { min: 5_000, max: 20_000 }, diamond: { min: 20_000 },
  }).meta(configText(['Points thresholds', '积分门槛'], ['For the points measures; the same rules as the spend thresholds.', '用于按积分衡量；规则同消费门槛。'])),
  names: z.object({ diamond: label.meta({ label: DEFAULT_TIER_NAMES.diamond }), silver: label.meta({ label: DEFAULT_TIER_NAMES.silver }), bronze: label.meta({ label: DEFAULT_TIER_NAMES.bronze }), iron: label.meta({ label: DEFAULT_TIER_NAMES.iron }) }).default({
    diamond: { en: 'Diamond', 'zh-CN': '金钻' }, silver: { en: 'Silver', 'zh-CN': '白银' },
    bronze: { en: 'Bronze', 'zh-CN': '铜' }, iron: { en: 'Iron', 'zh-CN': '铁' },
  }).meta(configText(['Tier names', '等级名称'], ['What staff and customers see for each tier.', '工作人员和客户看到的等级名称。'])),
  /** When a customer may move down: never, once they have qualified only for a lower tier for `graceDays`, or at the full re-evaluation. */
  downgrade: z.enum(['never', 'gracePeriod', 'atReevaluation']).default('atReevaluation').meta(configText(['Moving down', '降级方式'], ['When a customer may move to a lower tier.', '客户何时可降到较低等级。'], { never: ['Never', '从不降级'], gracePeriod: ['After the grace period', '宽限期满后'], atReevaluation: ['At the full re-evaluation', '全量重新评估时'] })),
  graceDays: z.number().int().min(0).default(30).meta(configText(['Grace period (days)', '宽限期（天）'], ['Days a customer keeps a tier while qualifying only for a lower one.', '客户仅符合较低等级时仍保留原等级的天数。'])),
})

const recency = z.object({
  /** Orders needed before the customer's own typical gap is trusted. */
  minOrders: z.number().int().min(2).default(3).meta(configText(['Orders before their own rhythm counts', '采用自身节奏所需订单数'], ['Orders needed before the customer\'s own typical gap is trusted.', '客户订单达到此数后才采用其自身的典型下单间隔。'])),
  /** A typical gap is never taken as shorter than this. */
  minGapDays: z.number().positive().default(7).meta(configText(['Shortest typical gap (days)', '最短典型间隔（天）'])),
  atRiskFactor: z.number().positive().default(1.5).meta(configText(['At risk after this many gaps', '超过几倍间隔为有风险'], ['A customer is at risk after this many typical gaps without an order.', '超过这么多倍典型间隔未下单即为有风险。'])),
  hibernatingFactor: z.number().positive().default(3).meta(configText(['Hibernating after this many gaps', '超过几倍间隔为休眠'], ['Above the at-risk factor.', '须大于有风险的倍数。'])),
  /** Fallbacks for customers with fewer orders. */
  atRiskAfterDays: z.number().int().positive().default(90).meta(configText(['At risk after (days), few orders', '订单较少时有风险天数'], ['For customers with fewer orders.', '用于订单较少的客户。'])),
  hibernatingAfterDays: z.number().int().positive().default(180).meta(configText(['Hibernating after (days), few orders', '订单较少时休眠天数'], ['For customers with fewer orders.', '用于订单较少的客户。'])),
})

const benefit = z.object({
  pointsMultiplier: z.number().min(0).max(100).meta(configText(['Points multiplier', '积分倍数'])),
  exclusiveRewards: z.array(z.string().min(1)).default([]).meta(configText(['Exclusive rewards (reward ids)', '专属奖品（奖品 ID）'], ['Rewards only this tier may redeem.', '仅此等级可兑换的奖品。'])),
  slaPriority: z.enum(['normal', 'high', 'urgent']).meta(configText(['Complaint priority', '投诉优先级'], undefined, { normal: ['Normal', '普通'], high: ['High', '高'], urgent: ['Urgent', '紧急'] })),
})

/** The plugin's config; every key has a default, so `{}` is a valid config. */
export const config = z.object({
  windowDays: z.number().int().min(1).max(3650).default(365).meta(configText(['RFM window (days)', 'RFM 统计窗口（天）'], ['Orders in this many days count towards recency, frequency and spend.', '最近这些天内的订单计入最近购买、购买频率和消费金额。'])),
  /** Cut points from a smaller population are not trusted: orders are then ranked against everyone's stored values. */
  minCutPointPopulation: z.number().int().min(1).default(10).meta(configText(['Fewest customers for tier cut points', '计算分级切点的最少客户数'], ['With fewer spending customers, orders are ranked against everyone\'s stored values instead.', '有消费的客户少于此数时，改为与所有客户的已存值比较排名。'])),
  segments: z.array(segmentRule).min(1).default(DEFAULT_SEGMENTS).meta(configText(['Segments by R, F and M scores', '按 R、F、M 评分分群'], ['Score ranges (1–5) of each segment, tried in order: the first that holds wins.', '各分群的评分区间（1–5），按顺序匹配，第一个符合的生效。'])),
  /** The segment of a score combination no rule matches. */
  fallbackSegment: z.enum(SEGMENTS).default('needAttention').meta({ ...configText(['Segment when none matches', '无匹配时的分群']), valueLabels: profile.segment.valueLabels }),
  tiers: tiers.default(tiers.parse({})).meta(configText(['Value tiers', '价值等级'])),
  recency: recency.default(recency.parse({})).meta(configText(['Recency status', '活跃状态'], ['When a customer counts as at risk or hibernating, from their own rhythm of orders.', '根据客户自身的下单节奏判断何时为有风险或休眠。'])),
  /** The upgrade ladder 潜在 → 可能 → 顾客 → 常客 → 支持者 → 拥护者: a customer stands on the highest step whose criteria hold. */
  ladder: ladder.default(ladder.parse({})).meta(configText(['Upgrade ladder', '客户升级阶梯'], ['潜在 → 可能 → 顾客 → 常客 → 支持者 → 拥护者: a customer stands on the highest step whose conditions all hold. Each step lists conditions on profile fields; null: never reached automatically.', '潜在 → 可能 → 顾客 → 常客 → 支持者 → 拥护者：客户处于所有条件均满足的最高一级。每一级列出对档案字段的条件；null 表示不会自动达到。'])),
  benefits: z.object({ diamond: benefit.meta({ label: DEFAULT_TIER_NAMES.diamond }), silver: benefit.meta({ label: DEFAULT_TIER_NAMES.silver }), bronze: benefit.meta({ label: DEFAULT_TIER_NAMES.bronze }), iron: benefit.meta({ label: DEFAULT_TIER_NAMES.iron }) }).default({
    diamond: { pointsMultiplier: 2, exclusiveRewards: ['diamond-gift'], slaPriority: 'urgent' },
    silver: { pointsMultiplier: 1.5, exclusiveRewards: [], slaPriority: 'high' },
    bronze: { pointsMultiplier: 1.2, exclusiveRewards: [], slaPriority: 'normal' },
    iron: { pointsMultiplier: 1, exclusiveRewards: [], slaPriority: 'normal' },
  }).meta(configText(['Tier benefits', '等级权益'])),
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
