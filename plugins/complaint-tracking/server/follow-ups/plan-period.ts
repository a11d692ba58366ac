/**
 * @module
 * The period of a segment visit plan that contains an instant: blocks of `everyMonths` calendar
 * months in the business's time zone (a quarter from 1 January, 1 April, …), keyed by their first
 * month (`2026-10`). Pure.
 */
import { DateTime } from 'luxon'

/** @example planPeriod(new Date('2026-11-20T00:00:00Z'), 'Asia/Shanghai', 3) // { key: '2026-10', startsAt: '2026-09-30T16:00:00.000Z' } */
export function planPeriod(at: Date, timeZone: string, everyMonths: number): { key: string; startsAt: string } {
  const local = DateTime.fromJSDate(at, { zone: timeZone })
  const month = Math.floor((local.month - 1) / everyMonths) * everyMonths + 1
  const start = DateTime.fromObject({ year: local.year, month, day: 1 }, { zone: timeZone })
  return { key: start.toFormat('yyyy-MM'), startsAt: start.toUTC().toISO() as string }
}
