/**
 * Two built-in plugins meeting only through the contract: tiering offers `tiering.benefits`,
 * points-membership multiplies what an order earns by the customer's tier, and falls back to ×1
 * the moment tiering is disabled, without a restart.
 */
import pointsMembership from '@rapport/plugin-points-membership/server'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '@rapport/plugin-tiering/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

describe.each(dialects)('tiering and points-membership together on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership, tiering], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    await host.host!.enable('tiering')
  })
  afterAll(() => host.close())

  it('boots tiering first: points-membership uses it optionally', () => {
    expect(host.host!.definitions().map((d) => d.name)).toEqual(['tiering', 'points-membership'])
    expect(host.bootReport!.plugins).toEqual({ tiering: { state: 'active' }, 'points-membership': { state: 'active' } })
  })

  it("earns points at the customer's tier multiplier, and at ×1 while tiering is off", async () => {
    const id = await host.customer({ name: '赵敏' })
    await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 100_000, currency: 'CNY' })
    const profile = await host.profile(id)
    const tier = profile['tiering.tier']
    const benefits = (await host.json(await host.http.get(`/api/p/tiering/customers/${id}`))) as { tier?: string }
    expect(typeof tier).toBe('string')
    expect(benefits).toBeTruthy()
    const multiplier = { diamond: 2, silver: 1.5, bronze: 1.2, iron: 1 }[tier as 'diamond']
    const first = Number(profile['points.lifetimeEarned'])
    expect(first).toBe(Math.floor(1000 * multiplier))

    await host.host!.disable('tiering')
    await host.emit('order.completed', id, { orderId: 'o2', amountMinor: 100_000, currency: 'CNY' })
    expect(Number((await host.profile(id))['points.lifetimeEarned'])).toBe(first + 1000)
  })
})
