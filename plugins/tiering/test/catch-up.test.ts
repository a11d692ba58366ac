import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders, eventsOf, order } from './helpers.js'

describe.each(dialects)('tiering enabled on a shop with past orders, on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    expect((await host.http.post('/api/v1/plugins/tiering/disable')).status).toBe(200)
  })
  afterAll(() => host.close())

  const enable = async () => expect((await host.http.post('/api/v1/plugins/tiering/enable')).status).toBe(200)
  const tierOf = async (id: string) => (await host.profile(id))['tiering.tier']
  const distribution = async () => host.json(await host.as('analyst').get('/api/p/tiering/distribution'))

  it('tiers every customer from the orders and refunds it missed, as a full re-evaluation would', async () => {
    // Ten customers spending 10k…100k while tiering is off; the biggest then refunds most of it.
    const ids: string[] = []
    for (let i = 1; i <= 10; i++) ids.push(await customerWithOrders(host, [i * 10_000], `past${i}`))
    await host.emit('order.refunded', ids[9]!, { orderId: `past10-${ids[9]}-0`, amountMinor: 95_000, currency: 'CNY' })
    expect(await tierOf(ids[8]!)).toBeUndefined()

    await enable()
    const tiers = await Promise.all(ids.map(tierOf))
    expect(tiers.every((t) => typeof t === 'string')).toBe(true)
    expect(tiers[8]).toBe('diamond')
    expect(tiers[9]).toBe('iron')
    const body = await distribution()
    expect(body.total).toBe(10)
    const counted = Object.fromEntries(body.tiers.map((t: { key: string; count: number }) => [t.key, t.count]))
    expect(counted.diamond).toBeGreaterThanOrEqual(1)
    expect(Object.values(counted).reduce((a: number, b) => a + Number(b), 0)).toBe(10)
    for (const tier of tiers) expect(counted[tier as string]).toBeGreaterThanOrEqual(1)
    // One tier change per customer (none → its tier), from the re-evaluation that ended the catch-up.
    expect(await eventsOf(host, ids[8]!, 'tier.changed')).toMatchObject([{ payload: { from: null, to: 'diamond', trigger: 'reevaluation' } }])

    // Cut points are in place: a re-evaluation now changes nothing.
    const again = await host.json(await host.http.post('/api/p/tiering/reevaluate'))
    expect(again).toMatchObject({ customers: 10, changed: 0 })
  })

  it('after a time off, applies the orders it missed, once', async () => {
    await enable()
    const ids: string[] = []
    for (let i = 1; i <= 10; i++) ids.push(await customerWithOrders(host, [i * 10_000], `on${i}`))
    await host.http.post('/api/p/tiering/reevaluate')
    expect(await tierOf(ids[0]!)).toBe('iron')
    expect((await host.http.post('/api/v1/plugins/tiering/disable')).status).toBe(200)
    await order(host, ids[0]!, 'while-off', 500_000)

    await enable()
    expect(await tierOf(ids[0]!)).toBe('diamond')
    const row = await host.json(await host.http.get(`/api/p/tiering/customers/${ids[0]}`))
    expect(row).toMatchObject({ tier: 'diamond', orders: 2 })
    expect((await distribution()).total).toBe(10)
  })
})
