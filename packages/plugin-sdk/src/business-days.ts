/**
 * @module
 * The business's calendar days, for plugins: RFM windows, silence, downgrade windows, "today" of a
 * nightly job and periods count days in the business's time zone (`ctx.timeZone`), so a Shanghai
 * shop's day ends at 16:00 UTC, not at midnight UTC. A day number counts whole days since
 * 1970-01-01 in that zone; integers compare the same way on every dialect.
 */
/** Milliseconds in a day of 24 hours. */
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

// Offsets by zone and quarter hour (zones change offset only on whole quarter hours): a re-score
// asks for two or three day numbers, and Intl's formatToParts costs more than the whole score.
const offsets = new Map<string, number>()
const QUARTER_HOUR_MS = 900_000

/** How far the zone's wall clock is ahead of UTC at `ms` (negative west of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0
  const key = `${timeZone}@${Math.floor(ms / QUARTER_HOUR_MS)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = formattedOffset(Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS, timeZone)
    if (offsets.size >= 10_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

function formattedOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {}
  for (const part of formatOf(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
  return wall - (ms - (((ms % 1000) + 1000) % 1000))
}

/** @example dayNumber('2026-03-01T17:00:00Z', 'Asia/Shanghai') // the day of 2026-03-02 */
export function dayNumber(at: Date | string, timeZone = 'UTC'): number {
  const ms = new Date(at).getTime()
  return Math.floor((ms + offsetMs(ms, timeZone)) / DAY_MS)
}

/** The instant a business day starts in the zone. @example dayStart(dayNumber(now, tz), tz) // today's midnight there */
export function dayStart(day: number, timeZone = 'UTC'): Date {
  const midnight = day * DAY_MS
  // The offset at the guess, then at the corrected instant (they differ only across a DST change).
  const guess = midnight - offsetMs(midnight, timeZone)
  return new Date(midnight - offsetMs(guess, timeZone))
}

/** The business date of a day number, `YYYY-MM-DD`. @example dateOfDay(20_605) // '2026-06-01' */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Whole business days from `from` to `to` (0 on the same day, never negative). @example daysBetween(lastOrderAt, now, tz) */
export const daysBetween = (from: Date | string, to: Date | string, timeZone = 'UTC'): number =>
  Math.max(0, dayNumber(to, timeZone) - dayNumber(from, timeZone))
