/**
 * @module
 * Choices for the business-hours form: times of day in half hours (with 24:00 as an end) and the
 * IANA time zones the browser knows.
 */

/** `00:00` … `24:00` every 30 minutes. */
export const timeOptions = Array.from({ length: 49 }, (_, i) => {
  const v = `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`
  return { value: v, label: v }
})

/** The browser's IANA zones, with the stored one kept even if the browser does not list it. */
export function timeZoneOptions(current: string): Array<{ value: string; label: string }> {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [...new Set([current, 'Asia/Shanghai', ...zones])].map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))
}

/** Weekday keys of a calendar's `weekly`, Monday first. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]
