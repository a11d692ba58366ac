/**
 * @module
 * The RFM window: N of the business's calendar days (the SDK's day numbers, in `ctx.timeZone`)
 * ending on the as-of day, so a Shanghai shop's day ends at 16:00 UTC, not at midnight UTC.
 */
import { dayNumber, dayStart } from '@rapport/plugin-sdk'

/** The RFM window as of an instant: `today` is the as-of business day, `since` the start of the first of its `windowDays` days (ISO). */
export type RfmWindow = { today: number; since: string }

/** @example const { since, today } = rfmWindow(event occurredAt, 365, ctx.timeZone) */
export function rfmWindow(asOf: Date, windowDays: number, timeZone = 'UTC'): RfmWindow {
  const today = dayNumber(asOf, timeZone)
  return { today, since: dayStart(today - windowDays + 1, timeZone).toISOString() }
}
