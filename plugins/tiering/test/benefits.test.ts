import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { definePlugin, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders } from './helpers.js'

/** A stand-in for points-membership: it only knows the extension point, by id. */
const consumer = definePlugin({
  name: 'benefits-probe', namespace: 'probe', version: '1.0.0', host: '^1', optional: { tiering: '>=0.1.0' },
  setup(ctx) {
    ctx.route(defineRoute(
      { method: 'get', path: '/benefits/{customerId}', access: policies.staffRead(), request: { params: z.object({ customerId: z.string() }) }, responses: { 200: jsonResponse(z.unknown(), 'Benefits or null') } },
      async (c) => {
        const benefits = ctx.use('tiering.benefits')
        return c.json(benefits ? await benefits(c.req.valid('param').customerId) : null, 200)
      },
    ))
  },
})

describe.each(dialects)('tiering.benefits on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering, consumer], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  const benefitsOf = async (id: string) => host.json(await host.http.get(`/api/p/benefits-probe/benefits/${id}`))

  it('gives the benefits of the customer\'s tier', async () => {
    const ids: string[] = []
    for (let i = 1; i <= 5; i++) ids.push(await customerWithOrders(host, [i * 10_000]))
    await host.runJob('tiering:reevaluate')
    expect(await benefitsOf(ids[4]!)).toEqual({ tier: 'diamond', pointsMultiplier: 2, exclusiveRewards: ['diamond-gift'], slaPriority: 'urgent' })
    expect(await benefitsOf(ids[3]!)).toEqual({ tier: 'silver', pointsMultiplier: 1.5, exclusiveRewards: [], slaPriority: 'high' })
  })

  it('gives the lowest tier\'s benefits, with tier null, to a customer with no order', async () => {
    expect(await benefitsOf(await host.customer())).toEqual({ tier: null, pointsMultiplier: 1, exclusiveRewards: [], slaPriority: 'normal' })
  })

  it('follows the configured benefits', async () => {
    const id = await customerWithOrders(host, [10_000])
    const benefit = (pointsMultiplier: number) => ({ pointsMultiplier, exclusiveRewards: [], slaPriority: 'normal' })
    await host.http.put('/api/v1/plugins/tiering/config', { benefits: { diamond: benefit(5), silver: benefit(4), bronze: benefit(3), iron: benefit(1) } })
    expect((await benefitsOf(id)).pointsMultiplier).toBe(3)
  })

  it('is undefined for the consumer while tiering is disabled', async () => {
    await host.host!.disable('tiering')
    try {
      expect(await benefitsOf(await host.customer())).toBeNull()
    } finally {
      await host.host!.enable('tiering')
    }
  })
})
