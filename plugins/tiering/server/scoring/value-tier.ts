/**
 * @module
 * Chooses a customer's value tier from their spend in the window: by percentile among the
 * customers who spent (mid-rank, so ties share a tier), by absolute spend ranges, or against
 * the cut points of the last full re-evaluation. No spend is always the lowest tier (铁).
 */
import type { SpendThresholds, TieringConfig } from '../config.js'
import { TIERS, type Tier } from '../../shared/vocabulary.js'

/** How a value ranks among spenders: strictly above it, equal to it (itself included), in all. */
export type Rank = { above: number; equal: number; n: number }
export type Percentiles = TieringConfig['tiers']['percentiles']

/**
 * @example tierByPercentile(0, { above: 0, equal: 1, n: 10 }, { diamond: 20, silver: 30, bronze: 30, iron: 20 }) // 'iron' (no spend)
 */
export function tierByPercentile(spendMinor: number, { above, equal, n }: Rank, percentiles: Percentiles): Tier {
  if (spendMinor <= 0 || n <= 0 || equal <= 0) return 'iron'
  // position in [0, 1) from the top, times 2n to stay in integers: 2·above + equal
  const position = 100 * (2 * above + equal)
  let cumulative = 0
  for (const tier of TIERS) {
    cumulative += percentiles[tier]
    if (position < 2 * n * cumulative) return tier
  }
  return 'iron'
}

/** @example tierByThresholds(600_000, defaults) // 'silver' */
export function tierByThresholds(spendMinor: number, thresholds: SpendThresholds): Tier {
  return TIERS.find((tier) => spendMinor >= thresholds[tier].minMinor) ?? 'iron'
}

/** Lowest spend of each tier at the last full re-evaluation (null: no one was in it). */
export type TierCuts = Partial<Record<Tier, number | null>>

/** @example tierFromCuts(300, { diamond: 1000, silver: 200, bronze: 50 }) // 'silver' */
export function tierFromCuts(spendMinor: number, cuts: TierCuts): Tier {
  if (spendMinor <= 0) return 'iron'
  return TIERS.find((tier) => tier !== 'iron' && cuts[tier] != null && spendMinor >= cuts[tier]) ?? 'iron'
}

/** @example tierByPoints(6_000, config.tiers.pointsThresholds) // 'silver' */
export function tierByPoints(points: number, thresholds: TieringConfig['tiers']['pointsThresholds']): Tier {
  return TIERS.find((tier) => points >= thresholds[tier].min) ?? 'iron'
}

/** The values a threshold tier may be measured on. */
export type BasisValues = { spendMinor: number; pointsBalance: number; pointsLifetime: number }

/** The value of the configured basis. @example basisValue('pointsLifetime', values) */
export const basisValue = (basis: TieringConfig['tiers']['basis'], v: BasisValues): number =>
  basis === 'spend' ? v.spendMinor : basis === 'pointsBalance' ? v.pointsBalance : v.pointsLifetime

/** The tier of a threshold config on its basis. @example thresholdTier(config.tiers, values) */
export function thresholdTier(tiers: TieringConfig['tiers'], v: BasisValues): Tier {
  return tiers.basis === 'spend' ? tierByThresholds(v.spendMinor, tiers.thresholds) : tierByPoints(basisValue(tiers.basis, v), tiers.pointsThresholds)
}
