/**
 * @module
 * The results dashboard's date range as calendar days in the business's time zone.
 */

/** Today's calendar day in `timeZone`, `YYYY-MM-DD`. */
export const todayIn = (timeZone: string, now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)

/** The `days` calendar days ending with `to`, as `{ from, to }`. @example lastDays('2026-03-10', 7) // { from: '2026-03-04', to: '2026-03-10' } */
export function lastDays(to: string, days: number): { from: string; to: string } {
  const end = new Date(`${to}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() - (days - 1))
  return { from: end.toISOString().slice(0, 10), to }
}

