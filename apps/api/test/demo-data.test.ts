import { rebuildProfiles } from '@rapport/core'
import { createTestApp, dialects, json, type TestApp } from '@rapport/core/testing'
import { orderStats } from '@rapport/plugin-sdk/examples/order-stats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from '../src/demo/demo-data.js'
import { seedDemo } from '../src/demo/seed-demo.js'

const endDate = new Date('2026-11-01T00:00:00Z')

describe('the demo data set', () => {
  it('is deterministic and shaped like a real shop: seasonality and a long tail', () => {
    const a = generateDemoData({ endDate })
    const b = generateDemoData({ endDate })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.customers).toHaveLength(2000)
    expect(a.orders.length).toBeGreaterThan(25_000)
    expect(a.orders.length).toBeLessThan(36_000)
    expect(a.customers.some((c) => /^[\u4e00-\u9fff]+$/.test(c.name))).toBe(true)
    expect(a.customers.some((c) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(c.name))).toBe(true)
    const perCustomer = new Map<string, number>()
    for (const o of a.orders) perCustomer.set(o.customerExternalId, (perCustomer.get(o.customerExternalId) ?? 0) + 1)
    const counts = [...perCustomer.values()].sort((x, y) => y - x)
    const top10 = counts.slice(0, Math.ceil(counts.length / 10)).reduce((s, n) => s + n, 0)
    expect(top10 / a.orders.length).toBeGreaterThan(0.3)
    const byMonth = (m: string) => a.orders.filter((o) => o.occurredAt.slice(0, 7) === m).length
    expect(byMonth('2025-11')).toBeGreaterThan(byMonth('2025-09') * 1.3)
  })
})

describe.each(dialects)('demo data through the host on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, { plugins: [orderStats] })
    await seedDemo(t.services, { customers: 120, endDate })
  }, 120_000)
  afterAll(async () => { await t.close() })

  it('feeds the plugins through the same write path as the API', async () => {
    const { items } = await json(await t.request('GET', '/api/v1/customers?limit=200&sort=-orderStats.orders'))
    expect(items.length).toBe(120)
    const top = await json(await t.request('GET', `/api/v1/customers/${items[0].id}`))
    expect(top.profile.orderStats.orders).toBeGreaterThan(1)
    const events = await t.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_events WHERE customer_id = ? AND type = 'order.completed'", [top.id])
    expect(top.profile.orderStats.orders).toBe(events!.n)
  })

  it('rebuilds the profile from the log bit for bit when no rule changed', async () => {
    const report = await rebuildProfiles(t.services)
    expect(report.customers).toBeGreaterThan(100)
    expect(report.checksumAfter).toBe(report.checksumBefore)
    expect(report.changed).toBe(0)
  }, 60_000)

  it('seeds the demo owner once and never into a non-empty database', async () => {
    expect(await seedDemo(t.services, { customers: 5, endDate })).toBe(false)
    const login = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', body: { email: 'admin@example.com', password: 'rapport-demo' } })
    expect(login.status).toBe(200)
  })
})
