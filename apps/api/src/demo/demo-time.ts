/**
 * @module
 * Wall-clock helpers for planning the demo's staff work: the demo shop is in Shanghai (UTC+8, no
 * daylight saving), and staff work on weekdays, as complaint-tracking's default SLA calendar does.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS

/** The instant of `hour:minute` Shanghai time on the Shanghai day holding `ms`. */
export function shanghaiTime(ms: number, hour: number, minute = 0): number {
  const localDay = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS
  return localDay - SHANGHAI_OFFSET_MS + hour * HOUR_MS + minute * MINUTE_MS
}

/** Whether the Shanghai day holding `ms` is Monday to Friday. */
export function isShanghaiWeekday(ms: number): boolean {
  const day = new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay()
  return day >= 1 && day <= 5
}

/** The first Shanghai weekday on or after the day holding `ms` (same time of day). */
export function onWeekday(ms: number): number {
  let at = ms
  while (!isShanghaiWeekday(at)) at += DAY_MS
  return at
}

/** `ms` plus `days` Shanghai weekdays. */
export function addWeekdays(ms: number, days: number): number {
  let at = ms
  for (let left = days; left > 0; ) {
    at += DAY_MS
    if (isShanghaiWeekday(at)) left--
  }
  return at
}

export const iso = (ms: number): string => new Date(ms).toISOString()
