import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders, DAY_MS, eventsOf, order } from './helpers.js'

describe.each(dialects)('value tiers on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  const configure = (config: unknown) => host.http.put('/api/v1/plugins/tiering/config', config)
  const tierOf = async (id: string) => (await host.profile(id))['tiering.tier']
  /** Ten customers spending 10k…100k, then a full re-evaluation: cut points from a real population. */
  const population = async () => {
    const ids: string[] = []
    for (let i = 1; i <= 10; i++) ids.push(await customerWithOrders(host, [i * 10_000], `p${i}`))
    await host.runJob('tiering:reevaluate')
    return ids
  }

  it('gives a first order a tier, records it and emits tier.changed', async () => {
    const id = await customerWithOrders(host, [30_000])
    const profile = await host.profile(id)
    expect(profile).toMatchObject({ 'tiering.tier': 'bronze', 'tiering.recencyStatus': 'active', 'tiering.rfmCode': '333', 'tiering.recency': 3 })
    const body = await host.json(await host.http.get(`/api/p/tiering/customers/${id}`))
    expect(body).toMatchObject({ customerId: id, orders: 1, spendMinor: 30_000, windowSpendMinor: 30_000, tier: 'bronze', rfmCode: '333' })
    expect(body.history).toEqual([expect.objectContaining({ from: null, to: 'bronze', reason: 'initial', trigger: 'event', spendMinor: 30_000 })])
    expect(await eventsOf(host, id, 'tier.changed')).toEqual([expect.objectContaining({ payload: { from: null, to: 'bronze', reason: 'initial', trigger: 'event', spendMinor: 30_000, mode: 'percentile', basis: 'spend', value: 30_000 } })])
  })

  it('explains the tier with the plugin change that set it', async () => {
    const id = await customerWithOrders(host, [30_000])
    const body = await host.json(await host.http.get(`/api/v1/customers/${id}/explain?field=tiering.tier`))
    expect(body.value).toBe('bronze')
    expect(body.changes[0]).toMatchObject({ source: { kind: 'plugin', id: 'evaluate-on-order' } })
  })

  it('puts the population in tiers 20/30/30/20 at the full re-evaluation', async () => {
    const ids = await population()
    expect(await Promise.all(ids.map(tierOf))).toEqual(['iron', 'iron', 'bronze', 'bronze', 'bronze', 'silver', 'silver', 'silver', 'diamond', 'diamond'])
    const dist = await host.json(await host.as('analyst').get('/api/p/tiering/distribution'))
    expect(dist.total).toBe(10)
    expect(dist.tiers).toEqual([
      { key: 'diamond', count: 2, label: { en: 'Diamond', 'zh-CN': '金钻' } }, { key: 'silver', count: 3, label: { en: 'Silver', 'zh-CN': '白银' } },
      { key: 'bronze', count: 3, label: { en: 'Bronze', 'zh-CN': '铜' } }, { key: 'iron', count: 2, label: { en: 'Iron', 'zh-CN': '铁' } },
    ])
  })

  it('upgrades at once on the order that earns it, against the current cut points', async () => {
    const [lowest] = await population()
    expect(await tierOf(lowest!)).toBe('iron')
    await order(host, lowest!, 'big', 200_000)
    expect(await tierOf(lowest!)).toBe('diamond')
    const history = (await host.json(await host.http.get(`/api/p/tiering/customers/${lowest}`))).history
    expect(history[0]).toMatchObject({ from: 'iron', to: 'diamond', reason: 'upgrade', trigger: 'event', spendMinor: 210_000 })
    expect((await eventsOf(host, lowest!, 'tier.changed')).at(-1)!.payload).toMatchObject({ from: 'iron', to: 'diamond', reason: 'upgrade' })
  })

  it('counts a repeated order id once', async () => {
    const id = await host.customer()
    await host.emit('order.completed', id, { orderId: 'same', amountMinor: 5_000, currency: 'CNY' }, { key: 'k1' })
    await host.emit('order.completed', id, { orderId: 'same', amountMinor: 5_000, currency: 'CNY' }, { key: 'k2' })
    expect((await host.json(await host.http.get(`/api/p/tiering/customers/${id}`))).orders).toBe(1)
  })

  it('holds a downgrade after a refund until the re-evaluation (default policy)', async () => {
    const ids = await population()
    const top = ids[9]!
    await host.emit('order.refunded', top, { orderId: `p10-${top}-0`, amountMinor: 95_000, currency: 'CNY' })
    expect(await tierOf(top)).toBe('diamond')
    expect((await host.json(await host.http.get(`/api/p/tiering/customers/${top}`))).windowSpendMinor).toBe(5_000)
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(top)).toBe('iron')
    const history = (await host.json(await host.http.get(`/api/p/tiering/customers/${top}`))).history
    expect(history[0]).toMatchObject({ from: 'diamond', to: 'iron', reason: 'downgrade', trigger: 'reevaluation' })
  })

  it('never downgrades with the policy "never"', async () => {
    await configure({ tiers: { downgrade: 'never' } })
    const ids = await population()
    await host.emit('order.refunded', ids[9]!, { orderId: `p10-${ids[9]}-0`, amountMinor: 100_000, currency: 'CNY' })
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(ids[9]!)).toBe('diamond')
  })

  it('downgrades after the grace period only', async () => {
    await configure({ tiers: { downgrade: 'gracePeriod', graceDays: 30 } })
    const ids = await population()
    await host.emit('order.refunded', ids[9]!, { orderId: `p10-${ids[9]}-0`, amountMinor: 95_000, currency: 'CNY' })
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(ids[9]!)).toBe('diamond')
    host.advance(31 * DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(ids[9]!)).toBe('iron')
  })

  it('counts the grace period from when the customer fell below their tier, not from when they reached it', async () => {
    await configure({ tiers: { downgrade: 'gracePeriod', graceDays: 30 } })
    const ids = await population()
    host.advance(100 * DAY_MS)
    await host.emit('order.refunded', ids[9]!, { orderId: `p10-${ids[9]}-0`, amountMinor: 95_000, currency: 'CNY' })
    expect(await tierOf(ids[9]!)).toBe('diamond')
    host.advance(29 * DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(ids[9]!)).toBe('diamond')
    // the owner's session has expired on the fake clock by now: read as an API key
    const why = await host.json(await host.as({ apiKey: await host.apiKey(['customers:read']) }).get(`/api/p/tiering/customers/${ids[9]}/explain`))
    expect(why.tier.policy).toMatchObject({ downgrade: 'gracePeriod', downgradeHeld: true, graceEndsAt: new Date(host.now().getTime() + DAY_MS).toISOString() })
    host.advance(DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect(await tierOf(ids[9]!)).toBe('iron')
  })

  it('chooses tiers by absolute spend ranges in thresholds mode', async () => {
    await configure({ tiers: { mode: 'thresholds' } })
    const id = await customerWithOrders(host, [50_000])
    expect(await tierOf(id)).toBe('iron')
    await order(host, id, 'more', 550_000)
    expect(await tierOf(id)).toBe('silver')
    await order(host, id, 'most', 1_500_000)
    expect(await tierOf(id)).toBe('diamond')
  })

  it('uses the configured tier names in the distribution', async () => {
    await configure({ tiers: { names: { diamond: { en: 'Gold', 'zh-CN': '黄金' }, silver: { en: 'Silver', 'zh-CN': '白银' }, bronze: { en: 'Bronze', 'zh-CN': '铜' }, iron: { en: 'Iron', 'zh-CN': '铁' } } } })
    const dist = await host.json(await host.http.get('/api/p/tiering/distribution'))
    expect(dist.tiers[0]).toEqual({ key: 'diamond', count: 0, label: { en: 'Gold', 'zh-CN': '黄金' } })
  })

  it('answers 404 TIERING_CUSTOMER_NOT_FOUND for a customer with no order', async () => {
    const id = await host.customer()
    const res = await host.http.get(`/api/p/tiering/customers/${id}`)
    expect(res.status).toBe(404)
    expect((await host.json(res)).error.code).toBe('TIERING_CUSTOMER_NOT_FOUND')
  })
})
