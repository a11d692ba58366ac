/**
 * @module
 * The business's calendar days: a day number counts whole days since 1970-01-01 in the business's
 * time zone (`ctx.timeZone`), so recency compares integers on both dialects and a Shanghai shop's
 * day ends at 16:00 UTC, not at midnight UTC. The RFM window is N such days ending on the as-of day.
 */
export const DAY_MS = 86_400_000

const formats = new Map<string, Intl.DateTimeFormat>()
const formatOf = (timeZone: string): Intl.DateTimeFormat => {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formats.set(timeZone, format)
  }
  return format
}

/** Offsets already asked for, per zone and quarter hour (every zone changes its offset on a quarter hour): Intl costs about 30 µs a call. */
const QUARTER_HOUR = 900_000
const offsets = new Map<string, number>()

/** How far the zone's wall clock is ahead of UTC at `ms` (negative west of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear()
    offset = intlOffsetMs(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR, timeZone)
    offsets.set(key, offset)
  }
  return offset
}

function intlOffsetMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {}
  for (const part of formatOf(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
  return wall - (ms - (((ms % 1000) + 1000) % 1000))
}

/** @example dayNumber(new Date('1970-01-02T05:00:00Z')) // 1; dayNumber('2026-03-01T17:00:00Z', 'Asia/Shanghai') is the day of 2026-03-02 */
export const dayNumber = (at: Date | string, timeZone = 'UTC'): number => {
  const ms = new Date(at).getTime()
  return Math.floor((ms + offsetMs(ms, timeZone)) / DAY_MS)
}

/** The instant a business day (a day number) starts in the zone. @example dayStart(20_500, 'Asia/Shanghai') */
export function dayStart(day: number, timeZone = 'UTC'): Date {
  const midnight = day * DAY_MS
  // The offset at the guess, then at the corrected instant (they differ only across a DST change).
  const guess = midnight - offsetMs(midnight, timeZone)
  return new Date(midnight - offsetMs(guess, timeZone))
}

/** The RFM window as of an instant: `today` is the as-of business day, `since` the start of the first of its `windowDays` days (ISO). */
export type RfmWindow = { today: number; since: string }

/** @example const { since, today } = rfmWindow(event occurredAt, 365, ctx.timeZone) */
export function rfmWindow(asOf: Date, windowDays: number, timeZone = 'UTC'): RfmWindow {
  const today = dayNumber(asOf, timeZone)
  return { today, since: dayStart(today - windowDays + 1, timeZone).toISOString() }
}
