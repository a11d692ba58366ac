/**
 * @module
 * The instants a series over time is read at: the end of each day, week (ISO, Monday) or month
 * (UTC) from `from` to `to`, the last one capped at `to`.
 */
import { tieringErrors } from '../errors.js'

export type Interval = 'day' | 'week' | 'month'
/** More points than an admin chart draws is a mistake in the request. */
export const MAX_POINTS = 400

const next = (d: Date, interval: Interval): Date => {
  const n = new Date(d)
  if (interval === 'day') n.setUTCDate(n.getUTCDate() + 1)
  else if (interval === 'week') n.setUTCDate(n.getUTCDate() + 7)
  else n.setUTCMonth(n.getUTCMonth() + 1, 1)
  return n
}

const periodStart = (d: Date, interval: Interval): Date => {
  const s = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), interval === 'month' ? 1 : d.getUTCDate()))
  if (interval === 'week') s.setUTCDate(s.getUTCDate() - ((s.getUTCDay() + 6) % 7))
  return s
}

/**
 * @returns `{ period, at }` per period: its start (`period`) and the instant its state is read at (`at`: its last millisecond, or `to`)
 * @example periodPoints(new Date('2026-01-01'), new Date('2026-03-01'), 'month').length // 3
 */
export function periodPoints(from: Date, to: Date, interval: Interval): Array<{ period: string; at: string }> {
  if (from.getTime() > to.getTime()) throw tieringErrors.RANGE_INVALID({ from: from.toISOString(), to: to.toISOString() })
  const points: Array<{ period: string; at: string }> = []
  for (let start = periodStart(from, interval); start.getTime() <= to.getTime(); start = next(start, interval)) {
    if (points.length === MAX_POINTS) throw tieringErrors.TOO_MANY_POINTS({ points: MAX_POINTS + 1, max: MAX_POINTS })
    const end = next(start, interval)
    const last = new Date(end.getTime() - 1)
    points.push({ period: start.toISOString().slice(0, 10), at: (last.getTime() > to.getTime() ? to : last).toISOString() })
  }
  return points
}
