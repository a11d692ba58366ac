/**
 * @module
 * Calendar days of the business's time zone and the instants they start at: a campaign runs from
 * the start of its first day to the start of the day after its last, in the business's calendar.
 */

/** `YYYY-MM-DD` of `instant` in `timeZone`. @example dayOf('2026-12-06T17:00:00Z', 'Asia/Shanghai') // '2026-12-07' */
export function dayOf(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant))
}

/** Milliseconds `timeZone` is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(ms))
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000
}

/** The instant `day` starts at in `timeZone`, ISO. @example dayStartIso('2026-12-07', 'Asia/Shanghai') // '2026-12-06T16:00:00.000Z' */
export function dayStartIso(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const utc = Date.UTC(y, m - 1, d)
  const guess = utc - offsetAt(utc, timeZone)
  return new Date(utc - offsetAt(guess, timeZone)).toISOString()
}

/** The day after `day`. @example nextDay('2026-12-31') // '2027-01-01' */
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The day before `day`. @example previousDay('2027-01-01') // '2026-12-31' */
export const previousDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
