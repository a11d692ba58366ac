import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { matchPolicy } from '../server/sla/match-policy.js'
import { slaConfig } from '../server/sla/sla-config.js'
import { tieringStub } from './tiering-stub.js'
import { base, caseOf, fileCase, walk } from './complaints-client.js'

const MIN = 60_000

describe('policy matching', () => {
  const sla = slaConfig.parse({ policies: [
    { id: 'vip-delivery', categories: ['delivery'], tiers: ['diamond', 'silver'], firstResponseMinutes: 10, nextUpdateMinutes: 10, resolutionMinutes: 10 },
    { id: 'urgent', priorities: ['urgent'], firstResponseMinutes: 20, nextUpdateMinutes: 20, resolutionMinutes: 20 },
    { id: 'rest', firstResponseMinutes: 30, nextUpdateMinutes: 30, resolutionMinutes: 30 },
  ] })
  it.each([
    [{ category: 'delivery.late', priority: 'normal', tier: 'silver' }, 'vip-delivery'],
    [{ category: 'delivery', priority: 'urgent', tier: 'diamond' }, 'vip-delivery'],
    [{ category: 'delivery.late', priority: 'urgent', tier: null }, 'urgent'],
    [{ category: 'deliveryx', priority: 'normal', tier: 'diamond' }, 'rest'],
    [{ category: 'billing', priority: 'normal', tier: 'iron' }, 'rest'],
  ])('%o takes %s', (input, policy) => {
    expect(matchPolicy(sla, input)?.id).toBe(policy)
  })
})

describe.each(dialects)('analytics and tiers on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tieringStub, complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('reads the customer tier from tiering.tier to pick the policy', async () => {
    const id = await host.customer()
    await host.emit('tiering.stubTierSet', id, { tier: 'diamond' })
    expect((await caseOf(host, (await fileCase(host, id)).id)).sla.policyId).toBe('vip')
    const plain = await host.customer()
    expect((await caseOf(host, (await fileCase(host, plain)).id)).sla.policyId).toBe('standard')
  })

  it('answers the figures over a range in SQL', async () => {
    const start = host.now().getTime()
    const a = await host.customer()
    const b = await host.customer()
    const c1 = await fileCase(host, a, { category: 'delivery.late', channel: 'phone' })
    const c2 = await fileCase(host, a, { category: 'delivery.late', channel: 'wechat', priority: 'high' })
    const c3 = await fileCase(host, b, { category: 'billing', channel: 'phone' })
    const c4 = await fileCase(host, b, { category: 'billing', channel: 'phone', priority: 'high' })
    await walk(host, c4.id, ['open'])
    for (const [c, minutes] of [[c1, 10], [c2, 20], [c3, 40]] as const) {
      await walk(host, c.id, ['open'])
      host.advance(minutes * MIN)
      expect((await host.http.post(`${base}/cases/${c.id}/messages`, { body: '收到', visibility: 'customer' })).status).toBe(201)
      await walk(host, c.id, ['resolved'])
    }
    await walk(host, c1.id, ['open'])
    const stats = await host.json(await host.http.get(`${base}/analytics?from=${new Date(start).toISOString()}`))
    expect(stats.openByStatusAndPriority).toEqual([{ status: 'open', priority: 'high', count: 1 }, { status: 'open', priority: 'normal', count: 1 }])
    expect(stats.byCategory).toEqual([{ category: 'billing', count: 2 }, { category: 'delivery.late', count: 2 }])
    expect(stats.byChannel).toEqual([{ channel: 'phone', count: 3 }, { channel: 'wechat', count: 1 }])
    expect(stats.volume.reduce((n: number, v: any) => n + v.count, 0)).toBe(4)
    // Replies 10, 30 and 70 minutes after the cases were filed (the clock runs on between them).
    expect(stats.firstResponseMinutes).toEqual({ count: 3, mean: 36.7, p50: 30, p90: 70 })
    expect(stats.resolutionMinutes.count).toBe(2)
    expect(stats.reopenRate).toEqual({ finished: 3, reopened: 1, rate: 0.333 })
    expect(stats.repeatComplainers).toEqual({ customers: 2, top: [{ customerId: expect.any(String), cases: 2 }, { customerId: expect.any(String), cases: 2 }] })
    expect(stats.slaHitRate.find((r: any) => r.target === 'firstResponse')).toEqual({ target: 'firstResponse', total: 3, met: 3, breachedRunning: 0, rate: 1 })
  })

  it('refuses an empty or too long range', async () => {
    for (const q of ['from=2026-06-02&to=2026-06-01', 'from=2025-01-01&to=2026-06-01']) {
      const res = await host.http.get(`${base}/analytics?${q}`)
      expect([res.status, (await host.json(res)).error.code]).toEqual([422, 'COMPLAINTS_ANALYTICS_RANGE_INVALID'])
    }
    expect((await host.http.get(`${base}/analytics?from=yesterday`)).status).toBe(400)
  })
})
