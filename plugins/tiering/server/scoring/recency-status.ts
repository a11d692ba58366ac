/**
 * @module
 * Active, at risk or hibernating from the days since the last purchase, measured against the
 * customer's own typical gap between purchases once they have enough orders, and against
 * absolute days before that.
 */
import type { TieringConfig } from '../config.js'
import type { RecencyStatus } from '../../shared/vocabulary.js'

export type PurchaseRhythm = { daysSinceLast: number; orders: number; avgGapDays: number | null }

/** @example recencyStatus({ daysSinceLast: 40, orders: 5, avgGapDays: 20 }, config.recency) // 'atRisk' */
export function recencyStatus({ daysSinceLast, orders, avgGapDays }: PurchaseRhythm, r: TieringConfig['recency']): RecencyStatus {
  if (orders >= r.minOrders && avgGapDays !== null) {
    const gap = Math.max(avgGapDays, r.minGapDays)
    if (daysSinceLast <= r.atRiskFactor * gap) return 'active'
    return daysSinceLast <= r.hibernatingFactor * gap ? 'atRisk' : 'hibernating'
  }
  if (daysSinceLast <= r.atRiskAfterDays) return 'active'
  return daysSinceLast <= r.hibernatingAfterDays ? 'atRisk' : 'hibernating'
}
