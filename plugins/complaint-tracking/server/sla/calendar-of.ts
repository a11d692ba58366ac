/**
 * @module
 * Turns a configured calendar into a {@link BusinessCalendar}, once per config (an admin change
 * replaces the config object, so the cache follows it).
 */
import { type BusinessCalendar, businessCalendar, type HoursRange, type WeeklyHours } from './business-calendar.js'
import type { SlaConfig } from './sla-config.js'

const cache = new WeakMap<SlaConfig, Map<string, BusinessCalendar>>()

/** The calendar with that id, or the first one when it is gone from the config. @example calendarOf(ctx.config.sla, 'default') */
export function calendarOf(sla: SlaConfig, id: string): BusinessCalendar {
  let byId = cache.get(sla)
  if (!byId) cache.set(sla, (byId = new Map()))
  const known = byId.get(id)
  if (known) return known
  const c = sla.calendars.find((x) => x.id === id) ?? sla.calendars[0]!
  const set = c.holidays === null ? undefined : sla.holidaySets[c.holidays]
  const weekly: WeeklyHours = { 1: c.weekly.mon, 2: c.weekly.tue, 3: c.weekly.wed, 4: c.weekly.thu, 5: c.weekly.fri, 6: c.weekly.sat, 7: c.weekly.sun }
  const calendar = businessCalendar({
    timeZone: c.timeZone, weekly,
    daysOff: new Set([...(set?.holidays ?? []), ...c.extraDaysOff]),
    makeUpDays: new Set([...(set?.workdays ?? []), ...c.extraWorkdays]),
    makeUpHours: (c.makeUpHours ?? c.weekly.mon) as readonly HoursRange[],
  })
  byId.set(id, calendar)
  return calendar
}
