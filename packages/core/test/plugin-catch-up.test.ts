import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPluginHost } from '../src/plugins/plugin-host.js'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { tallyPlugin } from './fixtures/tally-plugin.js'

const tally = tallyPlugin('tally', 'tally')

describe.each(dialects)('catch-up on enable on %s', (dialect) => {
  let t: TestApp
  let n = 0
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [tally], disabled: ['tally'] }) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    if (t.host!.status('tally').state === 'active') expect((await t.request('POST', '/api/v1/plugins/tally/disable', { as: 'admin' })).status).toBe(200)
    await t.request('PUT', '/api/v1/plugins/tally/config', { as: 'admin', body: {} })
  })
  afterAll(() => t.close())

  /** Ingests one order per customer external id, through the API; returns the customers' ids. */
  const orders = async (...customers: string[]) => {
    const events = customers.map((c) => ({ id: `o-${++n}`, type: 'order.completed', customerExternalId: c, orderId: `SO-${n}`, amountMinor: 1000, currency: 'CNY', occurredAt: '2026-05-01T02:00:00Z' }))
    expect((await json(await t.request('POST', '/api/v1/events', { body: { events } }))).totals.accepted).toBe(events.length)
  }
  const idOf = async (externalId: string) => (await json(await t.request('GET', `/api/v1/customers?externalId=${externalId}`))).items[0].id as string
  const counts = async (externalId: string) => json(await t.request('GET', `/api/p/tally/customers/${await idOf(externalId)}`))
  const mirrored = async (externalId: string) => (await t.profile(await idOf(externalId)))['tally.orders']
  const enable = () => t.request('POST', '/api/v1/plugins/tally/enable', { as: 'admin' })

  it('applies the events ingested while it was disabled, once, and mirrors them in the profile', async () => {
    await orders('ann', 'ann', 'bob')
    expect((await t.request('GET', '/api/p/tally/customers/x')).status).toBe(404)
    expect((await enable()).status).toBe(200)
    expect(await counts('ann')).toEqual({ orders: 2, live: 0 })
    expect(await counts('bob')).toEqual({ orders: 1, live: 0 })
    expect(await mirrored('ann')).toBe(2)
    expect(await mirrored('bob')).toBe(1)
    expect(await json(await t.request('GET', '/api/p/tally/catch-ups'))).toEqual({ items: [{ events: 3, customers: 2 }] })

    // From now on the normal path delivers, to both subscribers.
    await orders('ann')
    expect(await counts('ann')).toEqual({ orders: 3, live: 1 })
    expect(await mirrored('ann')).toBe(3)
  })

  it('after a disable, applies only the events it missed: nothing twice, and never a live-only subscriber', async () => {
    expect((await enable()).status).toBe(200)
    await orders('ann', 'bob')
    expect((await t.request('POST', '/api/v1/plugins/tally/disable', { as: 'admin' })).status).toBe(200)
    await orders('ann', 'ann')
    expect((await enable()).status).toBe(200)
    expect(await counts('ann')).toEqual({ orders: 3, live: 1 })
    expect(await counts('bob')).toEqual({ orders: 1, live: 1 })
    expect(await mirrored('ann')).toBe(3)
    expect(await mirrored('bob')).toBe(1)
    // The first enable found it current (nothing happened while it was off): no catch-up then.
    expect(await json(await t.request('GET', '/api/p/tally/catch-ups'))).toEqual({ items: [{ events: 2, customers: 1 }] })

    // Off and on again with nothing new: no catch-up, no change.
    expect((await t.request('POST', '/api/v1/plugins/tally/disable', { as: 'admin' })).status).toBe(200)
    expect((await enable()).status).toBe(200)
    expect(await counts('ann')).toEqual({ orders: 3, live: 1 })
    expect((await json(await t.request('GET', '/api/p/tally/catch-ups'))).items).toHaveLength(1)
  })

  it('pages through a long backlog while orders keep arriving, each order counted exactly once', async () => {
    const who = ['ann', 'bob', 'cai']
    for (let batch = 0; batch < 6; batch++) await orders(...Array.from({ length: 200 }, (_, i) => who[i % 3]!))
    // Orders arrive one by one while the catch-up runs: each is counted by the catch-up or by the live path, never both.
    const arriving = Promise.all(Array.from({ length: 20 }, (_, i) => orders(who[i % 3]!)))
    const [enabled] = await Promise.all([enable(), arriving])
    expect(enabled.status).toBe(200)
    const all = await Promise.all(who.map(counts))
    expect(all.reduce((sum, c) => sum + c.orders, 0)).toBe(1220)
    expect(all.map((c) => c.orders)).toEqual([409, 409, 402])
    expect(await Promise.all(who.map(mirrored))).toEqual([409, 409, 402])
    expect(all.reduce((sum, c) => sum + c.live, 0)).toBeLessThanOrEqual(20)
  }, 60_000)

  it('refuses the enable when a catch-up subscriber throws, stays off, and completes exactly on the next try', async () => {
    await orders('ann', 'bob', 'ann')
    const failOn = `SO-${n}`
    expect((await t.request('PUT', '/api/v1/plugins/tally/config', { as: 'admin', body: { failOn } })).status).toBe(200)
    const refused = await enable()
    expect(refused.status).toBe(409)
    expect((await json(refused)).error).toMatchObject({ code: 'PLUGIN_ENABLE_FAILED', details: { error: { code: 'PLUGIN_HANDLER_FAILED' } } })
    expect((await json(await t.request('GET', '/api/v1/plugins/tally'))).state).toBe('disabled')
    expect((await t.request('GET', '/api/p/tally/catch-ups')).status).toBe(404)

    expect((await t.request('PUT', '/api/v1/plugins/tally/config', { as: 'admin', body: {} })).status).toBe(200)
    expect((await enable()).status).toBe(200)
    expect(await counts('ann')).toEqual({ orders: 2, live: 0 })
    expect(await counts('bob')).toEqual({ orders: 1, live: 0 })
    expect(await mirrored('ann')).toBe(2)
  })

  it('catches up at boot a plugin installed on a database that already has events', async () => {
    await orders('ann', 'ann', 'bob')
    const late = tallyPlugin('late', 'late')
    const host = createPluginHost(t.services, [late])
    try {
      expect((await host.start()).plugins).toEqual({ late: { state: 'active' } })
      expect((await t.profile(await idOf('ann')))['late.orders']).toBe(2)
      expect((await t.profile(await idOf('bob')))['late.orders']).toBe(1)
      expect(await t.db.all('SELECT events, customers FROM late_catch_ups')).toEqual([{ events: 3, customers: 2 }])
    } finally {
      // The test app's own host serves again.
      t.services.runtime = t.host!.runtime
    }
  })

  it('refuses catchUp on an after-commit subscriber when the plugin boots', async () => {
    const wrong: PluginDefinition = {
      name: 'wrong', namespace: 'wrong', version: '1.0.0', host: '^1',
      setup(ctx) { ctx.on('order.completed', () => {}, { id: 'mail', phase: 'afterCommit', catchUp: true }) },
    }
    const host = createPluginHost(t.services, [wrong])
    try {
      expect((await host.start()).plugins.wrong).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DEFINITION_INVALID', message: expect.stringContaining('catchUp') } })
    } finally {
      t.services.runtime = t.host!.runtime
    }
  })
})
