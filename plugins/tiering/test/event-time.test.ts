import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { DAY_MS, eventsOf, order } from './helpers.js'

// Issue 20, "Tiering": history on its own dates, RFM over the business's calendar days (the test
// host's business time zone is Asia/Shanghai, its clock starts at 2026-06-01T08:00Z), refunds in
// full, customers without orders on the ladder, and the analyses over imported history.
describe.each(dialects)('tiering keeps event time on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  const get = async (path: string) => host.json(await host.http.get(`/api/p/tiering${path}`))
  const at = (iso: string) => ({ occurredAt: iso })
  const orderAt = (id: string, orderId: string, amountMinor: number, iso: string) =>
    host.emit('order.completed', id, { orderId, amountMinor, currency: 'CNY' }, at(iso))
  const daysAgo = (days: number) => new Date(host.now().getTime() - days * DAY_MS).toISOString()

  it('dates tier and ladder history, and the events, at the order, and a re-evaluation at its as-of time', async () => {
    const id = await host.customer()
    const when = daysAgo(100)
    await orderAt(id, 'h-1', 50_000, when)
    const body = await get(`/customers/${id}`)
    expect(body.history).toEqual([expect.objectContaining({ from: null, reason: 'initial', at: when })])
    expect(body.tierSince).toBe(when)
    expect((await eventsOf(host, id, 'tier.changed'))[0]).toMatchObject({ occurredAt: when })
    expect((await eventsOf(host, id, 'ladder.changed'))[0]).toMatchObject({ occurredAt: when, payload: { from: null, to: 'firstTime' } })
    const ladder = await get(`/analytics/migration?of=ladder&from=${daysAgo(50)}&to=${host.now().toISOString()}`)
    expect({ moved: ladder.moved, stayed: ladder.stayed }).toEqual({ moved: 0, stayed: 1 })
    // As of the order the customer was active; as of today, 100 days after a single order, at risk: the nightly run says so now.
    expect((await host.profile(id))['tiering.recencyStatus']).toBe('active')
    await host.runJob('tiering:reevaluate')
    const after = await get(`/customers/${id}`)
    expect(after).toMatchObject({ recencyStatus: 'atRisk', tierSince: when })
    expect(after.history).toHaveLength(1)
  })

  it('counts the RFM window in business days ending on the as-of day (a Shanghai day ends at 16:00 UTC)', async () => {
    await host.http.put('/api/v1/plugins/tiering/config', { windowDays: 1 })
    const id = await host.customer()
    await orderAt(id, 'tz-1', 10_000, '2026-05-27T15:59:00.000Z') // 05-27 23:59 in Shanghai
    await orderAt(id, 'tz-2', 10_000, '2026-05-27T16:01:00.000Z') // 05-28 00:01
    await orderAt(id, 'tz-3', 10_000, '2026-05-28T02:00:00.000Z') // 05-28 10:00
    // As of the last order (not of the processing moment): its Shanghai day holds two orders.
    expect((await get(`/customers/${id}`)).windowOrders).toBe(2)
    // As of today (2026-06-01 in Shanghai), five days start at 2026-05-28 00:00 Shanghai.
    await host.http.put('/api/v1/plugins/tiering/config', { windowDays: 5 })
    await host.runJob('tiering:reevaluate')
    expect((await get(`/customers/${id}`))).toMatchObject({ windowOrders: 2, windowSpendMinor: 20_000 })
    const explain = await get(`/customers/${id}/explain`)
    expect(explain.rfm.recency.daysSinceLastOrder).toBe(4)
  })

  it('counts an order refunded in full for none of R, F and M, nor for the ladder', async () => {
    const refunded = await host.customer()
    await order(host, refunded, 'r-1', 10_000, 3)
    await host.emit('order.refunded', refunded, { orderId: 'r-1', amountMinor: 10_000, currency: 'CNY' })
    const profile = await host.profile(refunded)
    expect(profile['tiering.orders']).toBe(0)
    expect(profile['tiering.ladder']).toBe('prospect')
    for (const field of ['tiering.recency', 'tiering.frequency', 'tiering.monetary', 'tiering.segment', 'tiering.recencyStatus']) expect(profile[field] ?? null).toBeNull()
    expect(await get(`/customers/${refunded}`)).toMatchObject({ orders: 0, windowOrders: 0, windowSpendMinor: 0, lastOrderAt: null, recency: null })

    const regular = await host.customer()
    await order(host, regular, 'k-1', 20_000, 20)
    await order(host, regular, 'k-2', 30_000, 2)
    await host.emit('order.refunded', regular, { orderId: 'k-2', amountMinor: 30_000, currency: 'CNY' })
    const kept = await get(`/customers/${regular}`)
    expect(kept).toMatchObject({ orders: 1, windowOrders: 1, windowSpendMinor: 20_000, lastOrderAt: daysAgo(20) })
    const result = await host.json(await host.http.post('/api/p/tiering/reevaluate'))
    expect(result.customers).toBe(1)
    expect((await host.profile(regular))['tiering.ladder']).toBe('firstTime')
  })

  it('puts customers without orders on the ladder as 潜在 prospect, from when they arrived', async () => {
    const arrived = '2026-03-10T02:00:00.000Z'
    const res = await host.http.post('/api/v1/events', { events: [
      { id: 'u-p1', type: 'customer.updated', customerExternalId: 'crm-p1', occurredAt: arrived, changes: { locale: 'zh-CN' } },
    ] })
    expect(res.status).toBeLessThan(300)
    const [customer] = (await host.json(await host.http.get('/api/v1/customers?externalId=crm-p1'))).items
    expect((await host.profile(customer.id))['tiering.ladder']).toBe('prospect')
    const funnel = await get('/funnel')
    expect(funnel.total).toBe(1)
    expect(funnel.steps[0]).toMatchObject({ step: 'prospect', count: 1 })
    const series = await get(`/analytics/over-time?of=ladder&interval=month&from=2026-02-01&to=${host.now().toISOString()}`)
    expect(series.points.map((p: { counts: Record<string, number> }) => p.counts.prospect)).toEqual([0, 1, 1, 1, 1])
    await order(host, customer.id, 'p-1', 10_000)
    expect((await get('/funnel')).steps.map((s: { count: number }) => s.count)).toEqual([0, 0, 1, 0, 0, 0])
  })

  it('shows imported history in the migration and over time: those who stayed as stayed', async () => {
    // A shop imports a year of orders today: ten customers ordering 300 and 30 days ago.
    const ids: string[] = []
    for (let i = 1; i <= 10; i++) ids.push(await host.customer())
    for (const [i, id] of ids.entries()) await order(host, id, `i-${i}-a`, (i + 1) * 10_000, 300 - i)
    for (const [i, id] of ids.entries()) await order(host, id, `i-${i}-b`, (i + 1) * 10_000, 30 - i)
    const migration = await get(`/analytics/migration?from=${daysAgo(200)}&to=${host.now().toISOString()}`)
    const fromNone = migration.matrix.filter((m: { from: string }) => m.from === 'none').reduce((a: number, m: { count: number }) => a + m.count, 0)
    expect(fromNone).toBe(0)
    expect(migration.stayed + migration.moved).toBe(10)
    expect(migration.stayed).toBeGreaterThan(0)
    const series = await get(`/analytics/over-time?interval=month&from=${daysAgo(330)}&to=${host.now().toISOString()}`)
    const totals = series.points.map((p: { total: number }) => p.total)
    expect(totals[0]).toBe(0)
    expect(totals.slice(2)).toEqual(totals.slice(2).map(() => 10))
  })
})
