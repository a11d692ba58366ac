import { dateOfDay, dayNumber, daysBetween, dayStart } from '@rapport/plugin-sdk'
import { describe, expect, it } from 'vitest'

describe('business calendar days', () => {
  it("ends a Shanghai shop's day at 16:00 UTC, not at midnight UTC", () => {
    expect(dateOfDay(dayNumber('2026-03-01T15:59:59Z', 'Asia/Shanghai'))).toBe('2026-03-01')
    expect(dateOfDay(dayNumber('2026-03-01T16:00:00Z', 'Asia/Shanghai'))).toBe('2026-03-02')
    expect(dateOfDay(dayNumber('2026-03-01T16:00:00Z'))).toBe('2026-03-01')
  })

  it('starts a day at local midnight, across a daylight saving change', () => {
    expect(dayStart(dayNumber('2026-03-02T05:00:00Z', 'Asia/Shanghai'), 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z')
    // New York moves to summer time on 2026-03-08: midnight is 05:00 UTC before, 04:00 UTC after.
    expect(dayStart(dayNumber('2026-03-08T12:00:00Z', 'America/New_York'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z')
    expect(dayStart(dayNumber('2026-03-09T12:00:00Z', 'America/New_York'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z')
  })

  it('counts whole calendar days between two instants, never negative', () => {
    expect(daysBetween('2026-03-01T15:00:00Z', '2026-03-01T17:00:00Z', 'Asia/Shanghai')).toBe(1)
    expect(daysBetween('2026-03-01T15:00:00Z', '2026-03-01T17:00:00Z')).toBe(0)
    expect(daysBetween('2026-03-05T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(0)
  })
})
