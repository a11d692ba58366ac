/**
 * @module
 * The value tiers, highest first, and their default names (zh-CN from the seed texts).
 */

/** Value tiers from highest to lowest. */
export const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const
export type Tier = (typeof TIERS)[number]

/** Default display names: 金钻 / 白银 / 铜 / 铁. */
export const DEFAULT_TIER_NAMES: Record<Tier, { en: string; 'zh-CN': string }> = {
  diamond: { en: 'Diamond', 'zh-CN': '金钻' },
  silver: { en: 'Silver', 'zh-CN': '白银' },
  bronze: { en: 'Bronze', 'zh-CN': '铜' },
  iron: { en: 'Iron', 'zh-CN': '铁' },
}

/** 0 for the highest tier, 3 for the lowest. @example tierRank('diamond') // 0 */
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier)

/** RFM segments, in the default order they are tried. */
export const SEGMENTS = [
  'champions', 'loyal', 'potentialLoyalist', 'new', 'promising', 'needAttention',
  'aboutToSleep', 'atRisk', 'cantLose', 'hibernating', 'lost',
] as const
export type Segment = (typeof SEGMENTS)[number]

/** Recency statuses. */
export const RECENCY_STATUSES = ['active', 'atRisk', 'hibernating'] as const
export type RecencyStatus = (typeof RECENCY_STATUSES)[number]

/** The customer upgrade ladder (潜在 → 拥护者), lowest first. */
export const LADDER = ['prospect', 'possible', 'firstTime', 'regular', 'supporter', 'advocate'] as const
export type LadderStep = (typeof LADDER)[number]
