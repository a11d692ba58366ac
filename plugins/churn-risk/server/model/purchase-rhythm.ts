/**
 * @module
 * The purchase-rhythm part of the model: how likely a customer still buys, given the days since
 * their last order and their own typical gap between orders (see the README, "The model").
 *
 * Orders of an active customer are taken to arrive at a steady rate (exponential gaps), and after
 * each order a customer may drop out for good with a chance that shrinks the more they bought
 * (a Beta prior, as in BG/NBD). Few orders say little about a customer's own rhythm, so their mean
 * gap is shrunk towards the population's (a gamma prior counted as `priorGapWeight` gaps).
 */
import type { ChurnConfig } from '../config.js'
import { DAY_MS, daysBetween } from '@rapport/plugin-sdk'

export { DAY_MS }

/** What the rhythm needs to know about one customer. */
export type OrderHistory = { orders: number; firstOrderAt?: string; lastOrderAt?: string }

/** The rhythm estimate of one customer at one moment. */
export type Rhythm = {
  /** Their typical gap in days: their mean gap shrunk towards the prior. */
  typicalGapDays: number
  /** Whole business days since the last order (0 on the day of it), in the business's time zone. */
  daysSinceLastOrder: number
  /** Probability that they are still an active customer, 0–1. */
  pActive: number
}

/**
 * Typical gap = (priorWeight · priorGap + span) / (priorWeight + orders − 1): the posterior mean
 * gap with the prior counted as `priorWeight` gaps of `priorGap` days.
 * @example typicalGapDays({ orders: 1 }, model) // 30 with the default prior
 */
export function typicalGapDays(history: OrderHistory, model: ChurnConfig['model']): number {
  const first = history.firstOrderAt ? Date.parse(history.firstOrderAt) : Number.NaN
  const last = history.lastOrderAt ? Date.parse(history.lastOrderAt) : Number.NaN
  const spanDays = Number.isFinite(first) && Number.isFinite(last) ? Math.max(0, (last - first) / DAY_MS) : 0
  const gaps = Math.max(0, history.orders - 1)
  return (model.priorGapWeight * model.priorGapDays + spanDays) / (model.priorGapWeight + gaps)
}

/**
 * P(active | silence t) = (1 − q) · e^(−t/gap) / ((1 − q) · e^(−t/gap) + q), where q = a / (a + b + orders − 1)
 * is the chance the customer dropped out after their last order, and t counts the business's
 * calendar days (`timeZone`) from the last order to `now` (the event's time or the job's as-of time).
 * @returns undefined for a customer with no order (nothing to read a rhythm from)
 * @example purchaseRhythm({ orders: 4, firstOrderAt: '2026-01-01', lastOrderAt: '2026-03-01' }, new Date('2026-06-01'), model)
 */
export function purchaseRhythm(history: OrderHistory, now: Date, model: ChurnConfig['model'], timeZone = 'UTC'): Rhythm | undefined {
  if (history.orders <= 0 || !history.lastOrderAt) return undefined
  const gap = typicalGapDays(history, model)
  const daysSinceLastOrder = daysBetween(history.lastOrderAt, now, timeZone)
  const dropout = model.dropoutA / (model.dropoutA + model.dropoutB + history.orders - 1)
  const stillBuying = (1 - dropout) * Math.exp(-daysSinceLastOrder / gap)
  return { typicalGapDays: gap, daysSinceLastOrder, pActive: stillBuying / (stillBuying + dropout) }
}
