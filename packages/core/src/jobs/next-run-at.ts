/**
 * @module
 * When a cron pattern fires next, in UTC.
 */
import { Cron } from 'croner'

/**
 * The next time `pattern` fires after `from` (UTC), as ISO text; null when it never fires again
 * or the pattern is invalid.
 * @param pattern - a croner pattern (5 or 6 fields, or a nickname such as `@daily`)
 * @param from - the reference time
 * @example nextRunAt('0 3 * * *', new Date('2026-06-01T08:00:00Z')) // '2026-06-02T03:00:00.000Z'
 */
export function nextRunAt(pattern: string, from: Date): string | null {
  try {
    return new Cron(pattern, { timezone: 'UTC' }).nextRun(from)?.toISOString() ?? null
  } catch {
    return null
  }
}
