/**
 * @module
 * The churn-risk score, 0–100, as the sum of four explained parts: purchase rhythm, falling
 * satisfaction, open complaints and a recent tier downgrade. Pure: the same inputs and clock give
 * the same score, so the nightly job, the subscribers and a rebuild agree.
 */
import type { ChurnConfig } from '../config.js'
import { daysBetween } from '@rapport/plugin-sdk'
import { purchaseRhythm, type OrderHistory, type Rhythm } from './purchase-rhythm.js'

/** Risk bands, from lowest to highest. */
export const BANDS = ['low', 'medium', 'high'] as const
export type Band = (typeof BANDS)[number]

/** Everything the score reads about one customer. */
export type ChurnInputs = OrderHistory & {
  spentMinor: number
  /** Satisfaction now on a 0–10 scale (from satisfaction-survey's fields), when known. */
  satisfaction?: number
  /** The highest satisfaction seen before, 0–10. */
  satisfactionPeak?: number
  /** `complaints.open`, when complaint-tracking is there. */
  openComplaints?: number
  /** When tiering last moved the customer down a tier. */
  lastDowngradeAt?: string
}

/** The score and how it was made. */
export type ChurnScore = {
  score: number
  band: Band
  parts: { rhythm: number; satisfaction: number; complaints: number; tierDowngrade: number }
  rhythm?: Rhythm
  /** The satisfaction drop on the 0–10 scale (peak − now). */
  satisfactionDrop: number
  /** What the customer typically spends per period: average order × orders expected per period. */
  revenueAtStakeMinor: number
}

/** @example bandOf(75, config) // 'high' */
export const bandOf = (score: number, c: Pick<ChurnConfig, 'mediumThreshold' | 'highThreshold'>): Band =>
  score >= c.highThreshold ? 'high' : score >= c.mediumThreshold ? 'medium' : 'low'

/**
 * @param now - the time scored at: the event's `occurredAt`, or the job's as-of time
 * @param timeZone - the business's time zone: silence and the downgrade window count its calendar days
 * @example
 * churnScore({ orders: 3, firstOrderAt: '2026-01-01', lastOrderAt: '2026-02-01', spentMinor: 30_000 }, new Date('2026-06-01'), config, ctx.timeZone)
 */
export function churnScore(inputs: ChurnInputs, now: Date, c: ChurnConfig, timeZone = 'UTC'): ChurnScore {
  const rhythm = purchaseRhythm(inputs, now, c.model, timeZone)
  const rhythmPoints = rhythm ? Math.round(c.weights.rhythm * (1 - rhythm.pActive)) : 0
  const drop = inputs.satisfaction !== undefined && inputs.satisfactionPeak !== undefined ? Math.max(0, inputs.satisfactionPeak - inputs.satisfaction) : 0
  const satisfactionPoints = Math.round(c.weights.satisfaction * Math.min(1, drop / c.fullSatisfactionDrop))
  const complaintPoints = Math.min(c.weights.complaints, Math.max(0, inputs.openComplaints ?? 0) * c.pointsPerOpenComplaint)
  const downgradedAt = inputs.lastDowngradeAt ? Date.parse(inputs.lastDowngradeAt) : Number.NaN
  const recentDowngrade = Number.isFinite(downgradedAt) && daysBetween(inputs.lastDowngradeAt!, now, timeZone) < c.downgradeWindowDays
  const parts = { rhythm: rhythmPoints, satisfaction: satisfactionPoints, complaints: complaintPoints, tierDowngrade: recentDowngrade ? c.weights.tierDowngrade : 0 }
  const score = Math.min(100, parts.rhythm + parts.satisfaction + parts.complaints + parts.tierDowngrade)
  const averageOrder = inputs.orders > 0 ? Math.max(0, inputs.spentMinor) / inputs.orders : 0
  const revenueAtStakeMinor = rhythm ? Math.round(averageOrder * Math.min(c.periodDays / rhythm.typicalGapDays, c.periodDays)) : 0
  return { score, band: bandOf(score, c), parts, ...(rhythm ? { rhythm } : {}), satisfactionDrop: drop, revenueAtStakeMinor }
}
