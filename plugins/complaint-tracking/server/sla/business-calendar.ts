/**
 * @module
 * Business time on a calendar: weekly working hours in a time zone, days off (public holidays)
 * and make-up working days (调休). Local days are turned into UTC intervals by Luxon, so
 * daylight-saving changes shift the hours the way a wall clock does. Pure apart from a per-day cache.
 */
import { DateTime } from 'luxon'

/** `HH:MM` to `HH:MM` (end may be `24:00`). */
export type HoursRange = readonly [string, string]
/** Weekly hours by ISO weekday, 1 = Monday … 7 = Sunday. */
export type WeeklyHours = Readonly<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly HoursRange[]>>

/** What a calendar needs: zone, weekly hours, days off, make-up days and their hours. */
export type CalendarSpec = {
  timeZone: string
  weekly: WeeklyHours
  daysOff: ReadonlySet<string>
  makeUpDays: ReadonlySet<string>
  makeUpHours: readonly HoursRange[]
}

/** A calendar ready for arithmetic (caches each local day's UTC intervals). */
export type BusinessCalendar = CalendarSpec & { readonly days: Map<string, ReadonlyArray<readonly [number, number]>> }

/** Longest search, in local days: a calendar with hours finds them well within ten years. */
const MAX_DAYS = 3_660

/** @example const cal = businessCalendar({ timeZone: 'Asia/Shanghai', weekly, daysOff: new Set(), makeUpDays: new Set(), makeUpHours: [['09:00', '18:00']] }) */
export const businessCalendar = (spec: CalendarSpec): BusinessCalendar => ({ ...spec, days: new Map() })

function at(day: DateTime, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  if (h === 24) return day.plus({ days: 1 }).startOf('day').toMillis()
  // A time inside a spring-forward gap is moved forward by Luxon, as a wall clock would.
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis()
}

/** The working intervals of one local day, as UTC milliseconds. @example dayIntervals(cal, DateTime.fromISO('2026-10-08', { zone })) */
export function dayIntervals(cal: BusinessCalendar, day: DateTime): ReadonlyArray<readonly [number, number]> {
  const iso = day.toISODate() as string
  const known = cal.days.get(iso)
  if (known) return known
  const ranges = cal.makeUpDays.has(iso) ? cal.makeUpHours : cal.daysOff.has(iso) ? [] : cal.weekly[day.weekday as 1]
  const intervals = ranges.map(([s, e]) => [at(day, s), at(day, e)] as const).filter(([s, e]) => e > s)
  cal.days.set(iso, intervals)
  return intervals
}

const localDay = (cal: BusinessCalendar, ms: number): DateTime => DateTime.fromMillis(ms, { zone: cal.timeZone }).startOf('day')

/**
 * Business milliseconds between two instants (0 when `to` is not after `from`).
 * @example businessMs(cal, Date.parse('2026-10-09T01:00:00Z'), Date.parse('2026-10-09T03:00:00Z')) // 7_200_000
 */
export function businessMs(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0
  let total = 0
  let day = localDay(cal, from)
  for (let i = 0; i < MAX_DAYS && day.toMillis() < to; i += 1, day = day.plus({ days: 1 })) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, from)
      const hi = Math.min(e, to)
      if (hi > lo) total += hi - lo
    }
  }
  return total
}

/**
 * The earliest instant at which `ms` business milliseconds have passed since `from`; null when the
 * calendar has no hours within ten years. `businessMs(cal, from, addBusinessMs(cal, from, ms)) === ms`.
 * @example addBusinessMs(cal, Date.parse('2026-10-09T09:00:00Z'), 3_600_000)
 */
export function addBusinessMs(cal: BusinessCalendar, from: number, ms: number): number | null {
  if (ms <= 0) return from
  let left = ms
  let day = localDay(cal, from)
  for (let i = 0; i < MAX_DAYS; i += 1, day = day.plus({ days: 1 })) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, from)
      if (e <= lo) continue
      if (left <= e - lo) return lo + left
      left -= e - lo
    }
  }
  return null
}
