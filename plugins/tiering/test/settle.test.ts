import { definePlugin, field, type PluginContext, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import tiering from '../server/index.js'
import { eventsOf, order } from './helpers.js'
import { earned } from './payloads.js'

/**
 * A stand-in for points-membership's order path: in the order's transaction, after tiering (it
 * reads the tier, so it boots after it), it emits `points.earned` and only then mirrors the
 * balance into the profile, as the real ledger does. 1 point per 10 minor units.
 */
const ledgerProbe = definePlugin({
  name: 'ledger-probe', namespace: 'points', version: '1.0.0', host: '^1', optional: { tiering: '*' },
  profile: { balance: field.integer(['Points balance', '积分余额']), lifetimeEarned: field.integer(['Lifetime points', '累计积分']) },
  events: { 'points.earned': z.object({ points: z.number().int(), balance: z.number().int() }) },
  setup(ctx: PluginContext) {
    const members = new Set<string>()
    ctx.on('order.completed', async (event, { tx }) => {
      if (!event.customerId) return
      members.add(event.customerId)
      const before = Number((await ctx.readProfile(event.customerId, tx))['points.lifetimeEarned'] ?? 0)
      const points = Math.floor(Number(event.payload.amountMinor) / 10)
      const emitted = await ctx.emit('points.earned', event.customerId, earned(points, before + points), { key: `earn:${event.payload.orderId}` })
      await ctx.updateProfile(tx, event.customerId, { 'points.balance': { set: before + points }, 'points.lifetimeEarned': { set: before + points } }, { id: 'earn', eventSeq: emitted.seq })
    }, { id: 'earn-on-order', phase: 'inTransaction' })
    // A bonus job emits outside any event, in a transaction of its own, and mirrors after it.
    ctx.schedule('bonus', '0 4 * * *', () => ctx.db.tx(async (tx) => {
      for (const id of members) {
        const before = Number((await ctx.readProfile(id, tx))['points.lifetimeEarned'] ?? 0)
        const emitted = await ctx.emit('points.earned', id, earned(5_000, before + 5_000), { key: `bonus:${id}` })
        await ctx.updateProfile(tx, id, { 'points.balance': { set: before + 5_000 }, 'points.lifetimeEarned': { set: before + 5_000 } }, { id: 'bonus', eventSeq: emitted.seq })
      }
    }))
  },
})

const put = (host: TestHost, body: unknown) => host.http.put('/api/v1/plugins/tiering/config', body)

describe.each(dialects)("an order's points, settled in the order's transaction, on %s", (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering, ledgerProbe], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await put(host, { tiers: { mode: 'thresholds', basis: 'pointsLifetime' } }) })
  afterAll(() => host.close())

  it('moves a points tier when the order is answered, with no after-commit work left behind', async () => {
    const id = await host.customer()
    await order(host, id, 'a', 5_000)
    expect(await host.profile(id)).toMatchObject({ 'tiering.tier': 'iron', 'points.lifetimeEarned': 500 })
    await order(host, id, 'b', 55_000)
    expect((await host.profile(id))['tiering.tier']).toBe('silver')
    expect((await eventsOf(host, id, 'tier.changed')).map((e) => e.payload))
      .toEqual([
        expect.objectContaining({ from: null, to: 'iron', reason: 'initial' }),
        { from: 'iron', to: 'silver', reason: 'upgrade', trigger: 'event', spendMinor: 60_000, mode: 'thresholds', basis: 'pointsLifetime', value: 6_000 },
      ])
    const deliveries = await host.json(await host.http.get('/api/v1/deliveries'))
    expect(deliveries.items.filter((d: { subscriber: string }) => d.subscriber.startsWith('tiering:'))).toEqual([])
  })

  it('moves a points tier after points a job grants and mirrors in its own transaction', async () => {
    const id = await host.customer()
    await order(host, id, 'a', 5_000)
    await host.runJob('ledger-probe:bonus')
    expect(await host.profile(id)).toMatchObject({ 'points.lifetimeEarned': 5_500, 'tiering.tier': 'silver' })
    expect((await eventsOf(host, id, 'tier.changed')).at(-1)!.payload).toMatchObject({ from: 'iron', to: 'silver', basis: 'pointsLifetime', value: 5_500 })
  })

  it('keeps the points copy the explanation reads when only the points moved', async () => {
    await put(host, { tiers: { mode: 'thresholds' } })
    const id = await host.customer()
    await order(host, id, 'a', 10_000)
    await put(host, { tiers: { mode: 'thresholds', basis: 'pointsLifetime' } })
    const why = await host.json(await host.http.get(`/api/p/tiering/customers/${id}/explain`))
    expect(why.tier).toMatchObject({ basis: 'pointsLifetime', value: 1_000 })
    expect(await eventsOf(host, id, 'tier.changed')).toHaveLength(1)
  })
})
