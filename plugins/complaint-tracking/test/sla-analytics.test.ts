import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, fileCase, travel, userIdOf } from './complaints-client.js'

// Monday 2026-07-06 16:00 in Shanghai (08:00Z; the test host's business time zone is Asia/Shanghai):
// two business hours left that day; the standard first-response target is 240 business minutes.
const MONDAY = Date.parse('2026-07-06T08:00:00.000Z')
const HOUR = 3_600_000

describe.each(dialects)('SLA analytics in business time on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('counts met, missed and running breaches by agent, category and channel, on business days', async () => {
    await travel(host, MONDAY - host.now().getTime())
    const agent = await userIdOf(host, 'agent')
    const customerId = await host.customer()
    const answered = await fileCase(host, customerId, { channel: 'phone', category: 'product.quality' })
    await host.http.post(`${base}/cases/${answered.id}/assignment`, { assigneeId: agent })
    const late = await fileCase(host, customerId, { channel: 'email', category: 'delivery.late' })
    // Tuesday 07:00 in Shanghai is still Monday in UTC: the answer counts on Tuesday's business day.
    await travel(host, 15 * HOUR)
    expect((await host.http.post(`${base}/cases/${answered.id}/messages`, { body: '我们已安排换货。', visibility: 'customer' })).status).toBe(201)
    await travel(host, 5 * HOUR) // Tuesday 12:00 local: the unanswered case breached at 11:00
    const get = async (query: string) => host.json(await host.http.get(`${base}/analytics/sla?from=2026-07-06&to=2026-07-07&${query}`))
    const byAgent = await get('by=agent')
    expect(byAgent).toMatchObject({ from: '2026-07-06', to: '2026-07-07', timeZone: 'Asia/Shanghai', by: 'agent' })
    expect(byAgent.groups).toEqual([
      { key: null, target: 'firstResponse', total: 1, met: 0, breachedRunning: 1, rate: 0, meanElapsedMinutes: null },
      { key: agent, target: 'firstResponse', total: 1, met: 1, breachedRunning: 0, rate: 1, meanElapsedMinutes: 120 },
    ].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '')))
    expect(byAgent.days).toEqual([
      { day: '2026-07-06', total: 0, met: 0, breachedRunning: 0, rate: null },
      { day: '2026-07-07', total: 2, met: 1, breachedRunning: 1, rate: 0.5 },
    ])
    const emailOnly = await get('by=category&channel=email')
    expect(emailOnly.groups).toEqual([{ key: 'delivery.late', target: 'firstResponse', total: 1, met: 0, breachedRunning: 1, rate: 0, meanElapsedMinutes: null }])
    expect((await get('by=channel&category=product')).groups.map((g: any) => [g.key, g.met])).toEqual([['phone', 1]])
    const bad = await host.http.get(`${base}/analytics/sla?from=2026-07-08&to=2026-07-07`)
    expect([bad.status, (await host.json(bad)).error.code]).toEqual([422, 'COMPLAINTS_ANALYTICS_RANGE_INVALID'])
  })
})
