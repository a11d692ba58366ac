import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, fileCase, move, travel, walk } from './complaints-client.js'

// The default calendar: 09:00-18:00 in Shanghai, Monday to Friday, zh-CN holidays. Tests start on a
// Monday at 16:00 local, when two business hours are left that day.
const MIN = 60_000
const slaEvents = async (host: TestHost, customerId: string) =>
  ((await host.json(await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`))).items as Array<{ type: string; payload: any }>)
    .filter((e) => e.type.startsWith('complaint.sla.')).reverse()
// Mondays 08:00Z (16:00 in Shanghai) of weeks without a public holiday, for tests that need a fresh
// week on the one clock their host keeps.
const MONDAYS = ['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27', '2026-08-03', '2026-08-10', '2026-08-17'].map((d) => Date.parse(`${d}T08:00:00.000Z`))
async function toMonday(host: TestHost): Promise<number> {
  const monday = MONDAYS.find((m) => m > host.now().getTime())!
  await travel(host, monday - host.now().getTime())
  return monday
}
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 60 * MIN
const target = (detail: any, name: string) => detail.sla.targets.find((t: any) => t.target === name)
const listed = async (host: TestHost, query: string) => (await host.json(await host.http.get(`${base}/cases?${query}`))).items.map((c: any) => c.id)

describe.each(dialects)('SLA clocks and escalation on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('pins the matching policy and counts first response on business hours', async () => {
    const monday = await toMonday(host)
    const id = await host.customer()
    const c = await fileCase(host, id)
    const detail = await caseOf(host, c.id)
    expect(detail.sla).toMatchObject({ policyId: 'standard', calendarId: 'default', state: 'ok' })
    // 240 business minutes: 2 h on Monday, then Tuesday 09:00-11:00 local; warning at 80 % (192 min).
    expect(target(detail, 'firstResponse')).toMatchObject({ state: 'ok', running: true, paused: false, targetMinutes: 240, elapsedMinutes: 0,
      warningAt: iso(monday + 18 * HOUR + 12 * MIN), breachAt: iso(monday + 19 * HOUR) })
    expect(target(detail, 'nextUpdate')).toBeUndefined()
    const urgent = await fileCase(host, id, { priority: 'urgent' })
    expect((await caseOf(host, urgent.id)).sla.policyId).toBe('urgent')
    expect(detail.slaState).toBe('ok')
  })

  it('goes to warning, then breached, filterable in the list, and escalates each once', async () => {
    const monday = await toMonday(host)
    const id = await host.customer()
    const c = await fileCase(host, id)
    const quiet = await fileCase(host, id, { priority: 'low' })
    await walk(host, quiet.id, ['open', 'pending_customer'])
    await travel(host, monday + 18.5 * HOUR - host.now().getTime())
    expect(target(await caseOf(host, c.id), 'firstResponse').state).toBe('warning')
    expect(await listed(host, 'sla=warning')).toEqual([c.id])
    expect(await listed(host, 'sla=breached')).toEqual([])
    expect(await listed(host, 'sla=ok')).toEqual([quiet.id])
    await host.runJob('complaint-tracking:escalate-sla')
    await host.runJob('complaint-tracking:escalate-sla')
    expect((await slaEvents(host, id)).map((e) => `${e.type}:${e.payload.target}`)).toEqual(['complaint.sla.warning:firstResponse'])
    await travel(host, monday + 19 * HOUR - host.now().getTime())
    const breached = await caseOf(host, c.id)
    expect(breached.slaState).toBe('breached')
    expect(target(breached, 'firstResponse')).toMatchObject({ state: 'breached', elapsedMinutes: 240 })
    expect(await listed(host, 'sla=breached')).toEqual([c.id])
    await host.runJob('complaint-tracking:escalate-sla')
    await host.runJob('complaint-tracking:escalate-sla')
    const events = await slaEvents(host, id)
    expect(events.map((e) => `${e.type}:${e.payload.target}`)).toEqual(['complaint.sla.warning:firstResponse', 'complaint.sla.breached:firstResponse'])
    expect(events[1]!.payload).toMatchObject({ caseId: c.id, policyId: 'standard', cycle: 'first', targetMinutes: 240, actions: ['notify'] })
    const history = (await caseOf(host, c.id)).history.filter((h: any) => h.action === 'sla_escalated')
    expect(history.map((h: any) => h.details.level)).toEqual(['warning', 'breached'])
  })

  it('applies reassign and raise-priority escalations, recorded in the history', async () => {
    await host.host!.configure('complaint-tracking', { sla: { policies: [{
      id: 'strict', firstResponseMinutes: 60, nextUpdateMinutes: 60, resolutionMinutes: 600,
      escalation: { warning: [{ type: 'notify' }], breached: [{ type: 'reassign', assigneeId: 'team:escalations' }, { type: 'raisePriority' }] },
    }] } })
    try {
      const id = await host.customer()
      const c = await fileCase(host, id)
      await travel(host, 61 * MIN)
      await host.runJob('complaint-tracking:escalate-sla')
      const detail = await caseOf(host, c.id)
      expect(detail).toMatchObject({ assigneeId: 'team:escalations', priority: 'high' })
      const entry = detail.history.find((h: any) => h.action === 'sla_escalated' && h.details.level === 'breached')
      expect(entry).toMatchObject({ actor: 'system:sla', details: { target: 'firstResponse', actions: ['reassign:team:escalations', 'raisePriority'],
        assignee: { from: null, to: 'team:escalations' }, priority: { from: 'normal', to: 'high' } } })
      // Once per target: a later run changes nothing more.
      await travel(host, 60 * MIN)
      await host.runJob('complaint-tracking:escalate-sla')
      expect((await caseOf(host, c.id)).priority).toBe('high')
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('pauses while pending on the customer, not while pending on a third party', async () => {
    const monday = await toMonday(host)
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'pending_customer'])
    await travel(host, 3 * 24 * HOUR)
    const paused = target(await caseOf(host, c.id), 'firstResponse')
    expect(paused).toMatchObject({ state: 'ok', paused: true, elapsedMinutes: 0, breachAt: null })
    // Back to open on Thursday 16:00 local: the full 240 minutes are left, until Friday 11:00 local.
    await walk(host, c.id, ['open'])
    expect(target(await caseOf(host, c.id), 'firstResponse')).toMatchObject({ paused: false, breachAt: iso(monday + 3 * 24 * HOUR + 19 * HOUR) })
    await walk(host, c.id, ['pending_third_party'])
    await travel(host, 60 * MIN)
    expect(target(await caseOf(host, c.id), 'firstResponse')).toMatchObject({ paused: false, elapsedMinutes: 60 })
  })

  it('counts a target breached and still running as missed in the hit rate and the dashboard widget', async () => {
    const monday = await toMonday(host)
    const late = await fileCase(host, await host.customer())
    const answered = await fileCase(host, await host.customer())
    await walk(host, late.id, ['open'])
    await walk(host, answered.id, ['open'])
    expect((await host.http.post(`${base}/cases/${answered.id}/messages`, { body: '收到', visibility: 'customer' })).status).toBe(201)
    // First response is due Tuesday 03:00Z (11:00 local); an hour later the late case is still unanswered.
    await travel(host, monday + 20 * HOUR - host.now().getTime())
    expect(target(await caseOf(host, late.id), 'firstResponse')).toMatchObject({ state: 'breached', running: true })
    const stats = await host.json(await host.http.get(`${base}/analytics?from=${iso(monday)}&to=${iso(monday + 24 * HOUR)}`))
    expect(stats.slaHitRate.find((r: any) => r.target === 'firstResponse')).toEqual({ target: 'firstResponse', total: 2, met: 1, breachedRunning: 1, rate: 0.5 })
    // Before the breach (Monday's range) the running clock counts nowhere.
    const before = await host.json(await host.http.get(`${base}/analytics?from=${iso(monday)}&to=${iso(monday + 12 * HOUR)}`))
    expect(before.slaHitRate.find((r: any) => r.target === 'firstResponse')).toMatchObject({ total: 1, met: 1, breachedRunning: 0 })
    const day = (ms: number) => iso(ms).slice(0, 10)
    const dashboard = await host.json(await host.as('analyst').get(`/api/v1/dashboard?from=${day(monday)}&to=${day(monday + 24 * HOUR)}`))
    const widget = dashboard.widgets.find((w: any) => w.plugin === 'complaint-tracking' && w.id === 'open')
    expect(widget.data.slaHitRate).toEqual({ total: 2, met: 1, rate: 0.5 })
  })

  it('stops first response at the first staff reply, starts next update, and records the outcomes', async () => {
    const monday = await toMonday(host)
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open'])
    await travel(host, 30 * MIN)
    expect((await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Internal only', visibility: 'internal' })).status).toBe(201)
    expect(target(await caseOf(host, c.id), 'firstResponse').running).toBe(true)
    expect((await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'We are looking into it', visibility: 'customer' })).status).toBe(201)
    const detail = await caseOf(host, c.id)
    const replied = iso(monday + 30 * MIN)
    expect(detail.firstResponseAt).toBe(replied)
    expect(target(detail, 'firstResponse')).toMatchObject({ running: false, state: 'ok', elapsedMinutes: 30, stoppedAt: replied })
    // Next update: 1,440 business minutes (24 h) from 16:30 Monday local: 1.5 + 9 + 9 + 4.5 h, Thursday 13:30 local.
    expect(target(detail, 'nextUpdate')).toMatchObject({ running: true, cycle: replied, breachAt: iso(monday + 3 * 24 * HOUR - 2.5 * HOUR) })
    const res = await move(host, c.id, 'resolved', { resolutionCode: 'explained', summary: 'Explained the delay' })
    expect(res.status).toBe(200)
    const resolved = await caseOf(host, c.id)
    expect(resolved.sla.targets.every((t: any) => !t.running && t.state === 'ok')).toBe(true)
    const stats = await host.json(await host.http.get(`${base}/analytics?from=${iso(monday)}&to=${iso(monday + 24 * HOUR)}`))
    expect(stats.slaHitRate).toEqual([
      { target: 'firstResponse', total: 1, met: 1, breachedRunning: 0, rate: 1 }, { target: 'nextUpdate', total: 1, met: 1, breachedRunning: 0, rate: 1 }, { target: 'resolution', total: 1, met: 1, breachedRunning: 0, rate: 1 },
    ])
  })

  it('counts on a configured calendar: another time zone and an extra day off', async () => {
    const monday = await toMonday(host)
    const tuesday = new Date(monday + 24 * HOUR).toISOString().slice(0, 10)
    await host.host!.configure('complaint-tracking', { sla: { calendars: [{ id: 'default', timeZone: 'Europe/Berlin', holidays: null, extraDaysOff: [tuesday] }] } })
    try {
      const c = await fileCase(host, await host.customer())
      const detail = await caseOf(host, c.id)
      // Filed Monday 10:00 in Berlin (summer time): 240 minutes end at 14:00 local, 12:00Z.
      expect(target(detail, 'firstResponse').breachAt).toBe(iso(monday + 4 * HOUR))
      // 2,880 minutes (48 h): Monday 8, Tuesday off, Wednesday to Friday 27, Monday 9, then 4 h on the next Tuesday.
      expect(target(detail, 'resolution').breachAt).toBe(iso(monday + 8 * 24 * HOUR + 3 * HOUR))
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('refuses an SLA config naming a missing calendar or holiday set, or a bad time zone', async () => {
    for (const sla of [
      { policies: [{ id: 'p', calendar: 'nope', firstResponseMinutes: 1, nextUpdateMinutes: 1, resolutionMinutes: 1 }] },
      { calendars: [{ id: 'default', timeZone: 'Mars/Olympus' }] },
      { calendars: [{ id: 'default', timeZone: 'Asia/Shanghai', holidays: 'fr-FR' }] },
      { calendars: [{ id: 'default', timeZone: 'Asia/Shanghai', weekly: { mon: [['18:00', '09:00']] } }] },
    ]) {
      const res = await host.http.put('/api/v1/plugins/complaint-tracking/config', { sla })
      expect(res.status).toBe(422)
      expect((await host.json(res)).error.code).toBe('PLUGIN_CONFIG_INVALID')
    }
  })
})
