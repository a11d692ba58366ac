import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '../src/testing/index.js'
import { bigSpender, orderStats } from '../examples/order-stats.js'

describe('rules as tables, without a database', () => {
  it.each([[99_999, false], [100_000, true]])('spend %i makes bigSpender %s', (spent, expected) => {
    expect(bigSpender.apply({} as never, { 'orderStats.spentMinor': spent }, { thresholdMinor: 100_000 })).toEqual({ 'orderStats.bigSpender': { set: expected } })
  })
})

describe.each(dialects)('a plugin written with the SDK on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [orderStats], dialect, config: { 'order-stats': { thresholdMinor: 50_000 } } }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('boots and feeds the shared profile from order events', async () => {
    expect(host.bootReport!.plugins['order-stats']).toEqual({ state: 'active' })
    const id = await host.customer({ name: '李雷' })
    await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 30_000, currency: 'CNY' })
    expect(await host.profile(id)).toMatchObject({ 'orderStats.orders': 1, 'orderStats.spentMinor': 30_000, 'orderStats.bigSpender': false })
    await host.emit('order.completed', id, { orderId: 'o2', amountMinor: 25_000, currency: 'CNY' })
    expect(await host.profile(id)).toMatchObject({ 'orderStats.orders': 2, 'orderStats.spentMinor': 55_000, 'orderStats.bigSpender': true })
  })

  it('serves its route with its policy', async () => {
    const id = await host.customer()
    await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 60_000, currency: 'CNY' })
    const res = await host.as('analyst').get(`/api/p/order-stats/customers/${id}`)
    expect(res.status).toBe(200)
    expect(await host.json(res)).toEqual({ orders: 1, spentMinor: 60_000, bigSpender: true })
    expect((await host.as('anonymous').get(`/api/p/order-stats/customers/${id}`)).status).toBe(401)
  })

  it('explains each value with the rule and event that set it', async () => {
    const id = await host.customer()
    const event = await host.emit('order.completed', id, { orderId: 'o9', amountMinor: 1_000, currency: 'CNY' })
    const res = await host.http.get(`/api/v1/customers/${id}/explain?field=orderStats.orders`)
    expect(res.status).toBe(200)
    const body = await host.json(res)
    expect(body.value).toBe(1)
    expect(body.changes[0]).toMatchObject({ source: { kind: 'rule', id: 'count-orders', version: 1 }, event: { id: event.id, type: 'order.completed' } })
  })
})
