import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, fileCase, move, walk } from './complaints-client.js'

describe.each(dialects)("complaint-tracking's dashboard widget on %s", (dialect) => {
  let host: TestHost
  let repeat: string
  beforeAll(async () => {
    host = await createTestHost({ plugins: [complaintTracking], dialect })
    // One customer with three cases (urgent open, normal resolved after a reply, low resolved
    // without one), another with one high-priority open case, and one public-form case.
    repeat = await host.customer()
    const once = await host.customer()
    await fileCase(host, repeat, { priority: 'urgent' })
    const replied = await fileCase(host, repeat)
    expect((await host.http.post(`${base}/cases/${replied.id}/messages`, { body: 'We are on it', visibility: 'customer' })).status).toBe(201)
    await walk(host, replied.id, ['open', 'resolved'])
    const quiet = await fileCase(host, repeat, { priority: 'low' })
    await walk(host, quiet.id, ['open', 'resolved'])
    await fileCase(host, once, { priority: 'high' })
    expect((await host.as('anonymous').post(`${base}/form`, { name: 'Wang', email: 'w@example.com', category: 'other', description: 'Rude staff' })).status).toBe(201)
  }, 60_000)
  afterAll(() => host.close())

  const widget = async (query: string) => {
    const res = await host.as('analyst').get(`/api/v1/dashboard${query}`)
    expect(res.status).toBe(200)
    const body = await host.json(res)
    return body.widgets.find((w: { plugin: string; id: string }) => w.plugin === 'complaint-tracking' && w.id === 'open')
  }

  it('counts open cases by priority, the SLA hit rate and filed versus resolved in the range', async () => {
    const today = host.now().toISOString().slice(0, 10)
    const found = await widget(`?from=${today}&to=${today}`)
    expect(found.title).toEqual({ en: 'Open complaints', 'zh-CN': '未结投诉' })
    expect(found.data).toEqual({
      openByPriority: [{ priority: 'low', count: 0 }, { priority: 'normal', count: 1 }, { priority: 'high', count: 1 }, { priority: 'urgent', count: 1 }],
      // the replied case: first response (the reply), next update and resolution (resolving); the quiet one: first response and resolution
      slaHitRate: { total: 5, met: 5, rate: 1 },
      filed: 5,
      resolved: 2,
    })
  })

  it('counts no flow and no SLA outcomes in a range before anything happened', async () => {
    const data = (await widget('?from=2020-01-01&to=2020-01-31')).data
    expect(data).toMatchObject({ slaHitRate: { total: 0, met: 0, rate: null }, filed: 0, resolved: 0 })
    expect(data.openByPriority.map((p: { count: number }) => p.count)).toEqual([0, 1, 1, 1])
  })

  it('narrows to the segment the dashboard filters choose', async () => {
    const today = host.now().toISOString().slice(0, 10)
    const data = (await widget(`?from=${today}&to=${today}&filter=complaints.total:gte:2`)).data
    expect(data.openByPriority.map((p: { count: number }) => p.count)).toEqual([0, 0, 0, 1])
    expect(data).toMatchObject({ slaHitRate: { total: 5, met: 5 }, filed: 3, resolved: 2 })
  })
})
