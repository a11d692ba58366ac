/**
 * @module
 * The `[from, to)` range of the complaint analytics routes: by default the 30 days up to and
 * including now, at most 366 days, never empty.
 */
import { complaintsErrors } from '../errors.js'

const DAY = 86_400_000

/** @example const { from, to } = analyticsRange(c.req.valid('query'), ctx.now()) // ISO strings */
export function analyticsRange(q: { from?: string | undefined; to?: string | undefined }, now: Date): { from: string; to: string } {
  const to = q.to ? new Date(q.to) : new Date(now.getTime() + 1)
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY)
  if (!(from < to) || to.getTime() - from.getTime() > 366 * DAY) throw complaintsErrors.ANALYTICS_RANGE_INVALID({ from: from.toISOString(), to: to.toISOString() })
  return { from: from.toISOString(), to: to.toISOString() }
}
