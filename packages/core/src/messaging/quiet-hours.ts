/**
 * @module
 * Quiet hours in the business's time zone: when a message may go out. A window may run over
 * midnight (21:00–08:00). Pure, so it is tested as a table.
 */
import { DateTime } from 'luxon'

/**
 * The end of the quiet hours `now` falls in, or undefined when `now` is outside them.
 * @param now - the moment of sending
 * @param window - `HH:MM` start and end, in `timeZone`
 * @param timeZone - the business's IANA time zone
 * @example quietUntil(new Date('2026-06-01T14:00:00Z'), { start: '21:00', end: '08:00' }, 'Asia/Shanghai') // 2026-06-02T00:00:00.000Z
 */
export function quietUntil(now: Date, window: { start: string; end: string }, timeZone: string): Date | undefined {
  const local = DateTime.fromJSDate(now, { zone: timeZone })
  const at = (hhmm: string, dayOffset: number) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number]
    return local.startOf('day').plus({ days: dayOffset }).set({ hour: h, minute: m })
  }
  for (const offset of [-1, 0]) {
    const start = at(window.start, offset)
    let end = at(window.end, offset)
    if (end <= start) end = end.plus({ days: 1 })
    if (local >= start && local < end) return end.toJSDate()
  }
  return undefined
}
