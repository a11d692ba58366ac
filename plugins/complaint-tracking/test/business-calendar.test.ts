import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBusinessMs, businessCalendar, businessMs, type WeeklyHours } from '../server/sla/business-calendar.js'
import { calendarOf } from '../server/sla/calendar-of.js'
import { slaConfig } from '../server/sla/sla-config.js'
import { caseClocks, countingSegments, elapsedMs } from '../server/sla/sla-clock.js'

const H = 3_600_000
const nineToSix = [['09:00', '18:00']] as const
const week = (hours: WeeklyHours[1], weekend: WeeklyHours[1] = []): WeeklyHours => ({ 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: weekend, 7: weekend })
const shanghai = () => calendarOf(slaConfig.parse({}), 'default')
const plain = (timeZone: string, weekly: WeeklyHours = week(nineToSix)) =>
  businessCalendar({ timeZone, weekly, daysOff: new Set(), makeUpDays: new Set(), makeUpHours: nineToSix })
const t = (s: string) => Date.parse(s)

describe('business time on a calendar', () => {
  it('counts only working hours across a weekend', () => {
    const cal = plain('Asia/Shanghai')
    // Friday 2026-06-05 17:00 to Monday 2026-06-08 10:00 Shanghai: 1 h Friday + 1 h Monday.
    expect(businessMs(cal, t('2026-06-05T09:00:00Z'), t('2026-06-08T02:00:00Z'))).toBe(2 * H)
    expect(addBusinessMs(cal, t('2026-06-05T09:00:00Z'), 2 * H)).toBe(t('2026-06-08T02:00:00Z'))
  })

  it('skips zh-CN public holidays and works the make-up days (调休)', () => {
    const cal = shanghai()
    // National Day 2026-10-01..07 is off; Saturday 2026-10-10 is worked. 9 h a day.
    expect(businessMs(cal, t('2026-09-30T16:00:00Z'), t('2026-10-07T16:00:00Z'))).toBe(0)
    expect(businessMs(cal, t('2026-10-09T16:00:00Z'), t('2026-10-10T16:00:00Z'))).toBe(9 * H)
    // Sunday 2026-09-20 is a make-up working day; Sunday 2026-09-13 is not.
    expect(businessMs(cal, t('2026-09-19T16:00:00Z'), t('2026-09-20T16:00:00Z'))).toBe(9 * H)
    expect(businessMs(cal, t('2026-09-12T16:00:00Z'), t('2026-09-13T16:00:00Z'))).toBe(0)
    // Four business hours from Wednesday 2026-09-30 16:00 local land on Thursday 2026-10-08 11:00 local.
    expect(addBusinessMs(cal, t('2026-09-30T08:00:00Z'), 4 * H)).toBe(t('2026-10-08T03:00:00Z'))
  })

  it('takes a configured holiday set instead of the default', () => {
    const sla = slaConfig.parse({ holidaySets: { 'zh-CN': { holidays: ['2026-06-08'], workdays: ['2026-06-06'] } } })
    const cal = calendarOf(sla, 'default')
    expect(businessMs(cal, t('2026-06-05T16:00:00Z'), t('2026-06-06T16:00:00Z'))).toBe(9 * H)
    expect(businessMs(cal, t('2026-06-07T16:00:00Z'), t('2026-06-08T16:00:00Z'))).toBe(0)
    expect(businessMs(cal, t('2026-09-30T16:00:00Z'), t('2026-10-01T16:00:00Z'))).toBe(9 * H)
  })

  it('follows wall-clock hours across daylight-saving changes', () => {
    const ny = plain('America/New_York', week([['00:00', '24:00']], [['00:00', '24:00']]))
    // 2026-03-08 has 23 hours in New York, 2026-11-01 has 25.
    expect(businessMs(ny, t('2026-03-08T05:00:00Z'), t('2026-03-09T04:00:00Z'))).toBe(23 * H)
    expect(businessMs(ny, t('2026-11-01T04:00:00Z'), t('2026-11-02T05:00:00Z'))).toBe(25 * H)
    const office = plain('America/New_York', week(nineToSix, nineToSix))
    // 09:00 local is 14:00Z before the change and 13:00Z after it; a day is still 9 hours.
    expect(addBusinessMs(office, t('2026-03-07T14:00:00Z'), 9 * H + H)).toBe(t('2026-03-08T14:00:00Z'))
    expect(businessMs(office, t('2026-03-08T13:00:00Z'), t('2026-03-08T22:00:00Z'))).toBe(9 * H)
  })

  it('counts the same day in different zones differently', () => {
    const from = t('2026-06-08T00:00:00Z')
    expect(businessMs(plain('Asia/Shanghai'), from, from + 24 * H)).toBe(9 * H)
    expect(businessMs(plain('Europe/London'), from, from + 12 * H)).toBe(4 * H)
  })
})

const zones = fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'UTC')
const instant = fc.integer({ min: t('2025-12-01T00:00:00Z'), max: t('2027-01-31T00:00:00Z') })
const duration = fc.integer({ min: 0, max: 200 * H })

describe('business time properties', () => {
  it('adding then measuring business time round-trips', () => {
    fc.assert(fc.property(zones, instant, duration, (zone, from, ms) => {
      const cal = zone === 'Asia/Shanghai' ? shanghai() : plain(zone)
      const end = addBusinessMs(cal, from, ms)
      expect(end).not.toBeNull()
      expect(businessMs(cal, from, end!)).toBe(ms)
      // The earliest such instant: a minute earlier is short, unless no time was asked for.
      if (ms > 0) expect(businessMs(cal, from, end! - 60_000)).toBeLessThan(ms)
    }), { numRuns: 300 })
  })

  it('is additive over adjacent spans and never exceeds wall time', () => {
    const calendars = new Map<string, ReturnType<typeof plain>>()
    fc.assert(fc.property(zones, fc.array(instant, { minLength: 3, maxLength: 3 }), (zone, xs) => {
      const cal = calendars.get(zone) ?? calendars.set(zone, plain(zone)).get(zone)!
      const [a, b, c] = [...xs].sort((p, q) => p - q) as [number, number, number]
      expect(businessMs(cal, a, c)).toBe(businessMs(cal, a, b) + businessMs(cal, b, c))
      expect(businessMs(cal, a, c)).toBeLessThanOrEqual(c - a)
    }), { numRuns: 200 })
  })

  it('pauses on the customer do not count, however long they last', () => {
    fc.assert(fc.property(instant, fc.tuple(fc.integer({ min: 1, max: 72 * H }), fc.integer({ min: 1, max: 72 * H }), fc.integer({ min: 1, max: 72 * H })), fc.integer({ min: 0, max: 500 * H }), (created, [run1, pause, run2], extra) => {
      const cal = shanghai()
      const changes = [{ at: created + run1, to: 'pending_customer' as const }, { at: created + run1 + pause, to: 'open' as const }]
      const longer = [changes[0]!, { at: created + run1 + pause + extra, to: 'open' as const }]
      const now = created + run1 + pause + extra + run2
      const counted = elapsedMs(cal, countingSegments(created, changes), now)
      const withoutPause = businessMs(cal, created, created + run1) + businessMs(cal, created + run1 + pause, now)
      expect(counted).toBe(withoutPause)
      // Stretching the pause never adds time, and the clock never counts more than it would unpaused.
      expect(elapsedMs(cal, countingSegments(created, longer), now)).toBeLessThanOrEqual(counted)
      expect(counted).toBeLessThanOrEqual(businessMs(cal, created, now))
    }), { numRuns: 200 })
  })

  it('a running clock is breached exactly when its business time reaches the target', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 0, max: 400 * H }), (created, minutes, after) => {
      const cal = shanghai()
      const terms = { policyId: 'p', calendarId: 'default', firstResponseMinutes: minutes, nextUpdateMinutes: minutes, resolutionMinutes: minutes, warningPercent: 80 }
      const now = created + after
      const [first] = caseClocks(cal, terms, { createdAt: created, statusChanges: [], staffReplies: [], now })
      const reached = businessMs(cal, created, now) >= minutes * 60_000
      expect(first!.state === 'breached').toBe(reached)
      expect(Date.parse(first!.breachAt!)).toBe(addBusinessMs(cal, created, minutes * 60_000))
    }), { numRuns: 200 })
  })
})
