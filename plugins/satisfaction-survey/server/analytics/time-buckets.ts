/**
 * @module
 * Day, week and month buckets of a range in a time zone, each with the UTC instants bounding it.
 * Boundaries are computed here with the zone's rules (luxon), so a local day stays a local day
 * across DST changes, which shifting stored UTC strings by one fixed offset in SQL would not do.
 */
import { DateTime } from 'luxon'
import type { AnalyticsScope } from './analytics-scope.js'

/** How a trend is grouped; weeks are ISO weeks, from Monday. */
export type Bucket = 'day' | 'week' | 'month'

/** One bucket: its first local day and the UTC instants bounding it within the range. */
export type TimeBucket = { period: string; startAt: string; endAt: string }

const unitOf = { day: 'day', week: 'week', month: 'month' } as const

/**
 * Every bucket overlapping the range's days, the first and last cut to the range.
 * @example timeBuckets({ firstDay: '2026-03-28', lastDay: '2026-03-30', timeZone: 'Europe/Paris' }, 'day')
 * // [{ period: '2026-03-28', startAt: '2026-03-27T23:00:00.000Z', endAt: '2026-03-28T23:00:00.000Z' }, { period: '2026-03-29', …, endAt: '2026-03-29T22:00:00.000Z' }, …]
 */
export function timeBuckets(scope: Pick<AnalyticsScope, 'firstDay' | 'lastDay' | 'timeZone'>, bucket: Bucket): TimeBucket[] {
  const zone = scope.timeZone
  const rangeStart = DateTime.fromISO(scope.firstDay, { zone }).startOf('day')
  const rangeEnd = DateTime.fromISO(scope.lastDay, { zone }).plus({ days: 1 }).startOf('day')
  const buckets: TimeBucket[] = []
  for (let start = rangeStart.startOf(unitOf[bucket]); start < rangeEnd; start = start.plus({ [`${bucket}s`]: 1 }).startOf(unitOf[bucket])) {
    const end = start.plus({ [`${bucket}s`]: 1 }).startOf(unitOf[bucket])
    const from = DateTime.max(start, rangeStart)
    const to = DateTime.min(end, rangeEnd)
    buckets.push({ period: start.toISODate()!, startAt: from.toUTC().toJSDate().toISOString(), endAt: to.toUTC().toJSDate().toISOString() })
  }
  return buckets
}
