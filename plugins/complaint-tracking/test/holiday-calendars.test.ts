import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, fileCase } from './complaints-client.js'

// The default calendar: 09:00-18:00 Monday to Friday in Shanghai, the bundled zh-CN holidays; the
// standard policy's first response is due after 240 business minutes.
const configPath = '/api/v1/plugins/complaint-tracking'
const breachOf = async (host: TestHost, caseId: string) =>
  (await caseOf(host, caseId)).sla.targets.find((t: any) => t.target === 'firstResponse').breachAt
const preview = (host: TestHost, body: unknown) => host.http.post(`${base}/holiday-previews`, body)

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//ZH',
  'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20270205', 'DTEND;VALUE=DATE:20270214', 'SUMMARY:春节 假期', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:b', 'DTSTART;VALUE=DATE:20270220', 'SUMMARY:春节 补班', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n')

describe.each(dialects)('holiday calendars and business hours on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('counts 2027 New Year as a day off from the bundled calendar', async () => {
    // Thursday 31 December 2026, 16:00 in Shanghai: 2 hours that day, then 1 January (元旦) and the
    // weekend are off, so the last 2 hours fall on Monday 4 January.
    host.setTime('2026-12-31T08:00:00.000Z')
    const c = await fileCase(host, await host.customer())
    expect(await breachOf(host, c.id)).toBe('2027-01-04T03:00:00.000Z')
  })

  it('previews a CSV year, then the clock uses it once it is saved in the config', async () => {
    // Sessions idle out after 12 hours: the clock is set before signing in and moves one hour later.
    host.setTime('2027-02-18T07:00:00.000Z')
    const res = await preview(host, { format: 'csv', year: 2027, content: 'date,kind,name\n2027-02-19,休,春节\n2027/02/20,班,春节 调休\n' })
    expect(res.status).toBe(200)
    const year = await host.json(res)
    expect(year).toMatchObject({ year: 2027, holidays: ['2027-02-19'], workdays: ['2027-02-20'] })
    expect(year.days[1]).toEqual({ date: '2027-02-20', kind: 'workday', name: '春节 调休' })
    const { config } = await host.json(await host.http.get(configPath))
    config.sla.holidaySets['zh-CN'] = { holidays: year.holidays, workdays: year.workdays }
    expect((await host.http.put(`${configPath}/config`, config)).status).toBe(200)
    // Thursday 18 February 2027, 16:00 in Shanghai: Friday is now off and Saturday is worked.
    host.advance(3_600_000)
    const c = await fileCase(host, await host.customer())
    expect(await breachOf(host, c.id)).toBe('2027-02-20T03:00:00.000Z')
  })

  it('reads an .ics file: multi-day events end the day before DTEND, 补班 is a working day', async () => {
    const res = await preview(host, { format: 'ics', content: ICS })
    expect(res.status).toBe(200)
    const year = await host.json(res)
    expect(year.holidays).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'])
    expect(year.workdays).toEqual(['2027-02-20'])
    expect(year.days[0]).toMatchObject({ kind: 'holiday', name: '春节 假期' })
  })

  it('refuses a bad file with a coded 422 naming each line', async () => {
    const res = await preview(host, { format: 'csv', year: 2027, content: 'date,kind\n2027-02-30,休\n2027-02-18,班\n2026-10-01,休\n2027-03-01,maybe\n' })
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.code).toBe('COMPLAINTS_HOLIDAY_IMPORT_INVALID')
    expect(error.details.issues.map((i: any) => i.line)).toEqual([2, 3, 4, 5])
    expect(error.details.issues[1].message).toContain('weekday')
    const ics = await preview(host, { format: 'ics', content: 'BEGIN:VCALENDAR\nnot a calendar' })
    expect(ics.status).toBe(422)
    expect((await host.json(ics)).error.details.issues[0].line).toBe(0)
    const twoYears = await preview(host, { format: 'csv', content: '2026-10-01\n2027-10-01\n' })
    expect((await host.json(twoYears)).error.details.issues[0].message).toContain('one year at a time')
  })

  it('refuses overlapping hours of a day with a coded 422 naming the field', async () => {
    const { config } = await host.json(await host.http.get(configPath))
    config.sla.calendars[0].weekly.mon = [['09:00', '12:00'], ['11:00', '18:00']]
    const res = await host.http.put(`${configPath}/config`, config)
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.code).toBe('PLUGIN_CONFIG_INVALID')
    expect(error.details.issues).toContainEqual({ path: 'sla.calendars.0.weekly.mon.1', message: 'ranges of a day may not overlap' })
    config.sla.calendars[0].weekly.mon = [['09:00', '12:00'], ['13:00', '18:00']]
    expect((await host.http.put(`${configPath}/config`, config)).status).toBe(200)
  })
})
