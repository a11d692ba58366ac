import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notesPlugin } from './fixtures/fixture-plugins.js'
import { loyalCalls, loyalPlugin } from './fixtures/loyal-plugin.js'

const order = (id: string, amountMinor: number) => ({ events: [{ id, type: 'order.completed', customerExternalId: 'c-1', orderId: id, amountMinor, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' }] })

describe.each(dialects)('the plugin context through a real host on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [notesPlugin, loyalPlugin] }) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    await t.host!.enable('notes')
    Object.assign(loyalCalls, { webhook: [], webhookFailuresLeft: 0, nightly: 0 })
  })
  afterAll(async () => { await t.close() })

  const customerId = async () => (await json(await t.request('GET', '/api/v1/customers?externalId=c-1'))).items[0].id as string

  it('runs in-transaction subscribers: they write the profile and emit their own events, idempotently', async () => {
    expect((await t.request('POST', '/api/v1/events', { body: order('o-1', 20_000) })).status).toBe(200)
    expect((await t.request('POST', '/api/v1/events', { body: order('o-1', 20_000) })).status).toBe(200)
    const id = await customerId()
    expect((await t.profile(id))['loyal.rewards']).toBe(1)
    const rewarded = await t.db.all<{ type: string }>("SELECT type FROM core_events WHERE type = 'loyal.rewarded'")
    expect(rewarded).toHaveLength(1)
    const explain = await json(await t.request('GET', `/api/v1/customers/${id}/explain?field=loyal.rewards`))
    expect(explain.changes[0]).toMatchObject({ source: { kind: 'plugin', id: 'reward-on-big-order' }, plugin: 'loyal', event: { type: 'order.completed' } })
  })

  it('keeps the event when an in-transaction subscriber throws, and records the failure against the plugin', async () => {
    const res = await t.request('POST', '/api/v1/events', { body: order('o-bad', 666) })
    expect(res.status).toBe(200)
    expect((await json(res)).results[0]).toMatchObject({ status: 'accepted' })
    expect(await t.db.get("SELECT id FROM core_events WHERE idempotency_key = 'o-bad'")).toBeDefined()
    const failures = await t.db.all<{ plugin: string; handler: string; reason: string }>('SELECT plugin, handler, reason FROM core_plugin_failures')
    expect(failures).toEqual([{ plugin: 'loyal', handler: 'reward-big-orders', reason: 'the number of the beast' }])
    const loyal = await json(await t.request('GET', '/api/v1/plugins/loyal', { as: 'owner' }))
    expect(loyal).toMatchObject({ state: 'active', failures: { total: 1 } })
    expect((await t.request('POST', '/api/v1/events', { body: order('o-good', 50) })).status).toBe(200)
  })

  it('delivers after-commit side effects once, retrying, and never fails the request', async () => {
    loyalCalls.webhookFailuresLeft = 1
    expect((await t.request('POST', '/api/v1/events', { body: order('o-2', 30_000) })).status).toBe(200)
    expect(loyalCalls.webhook).toEqual([])
    await t.drainDeliveries()
    t.advance(5_000)
    await t.drainDeliveries()
    expect(loyalCalls.webhook).toHaveLength(1)
    await t.drainDeliveries()
    expect(loyalCalls.webhook).toHaveLength(1)
  })

  it('dead-letters a side effect that keeps failing, visible to admins', async () => {
    loyalCalls.webhookFailuresLeft = 5
    await t.request('POST', '/api/v1/events', { body: order('o-3', 30_000) })
    await t.drainDeliveries()
    t.advance(60_000)
    await t.drainDeliveries()
    const { items } = await json(await t.request('GET', '/api/v1/deliveries?state=dead', { as: 'admin' }))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ subscriber: 'loyal:webhook', attempts: 2 })
  })

  it('runs scheduled jobs on demand and records them', async () => {
    await t.runJob('loyal:nightly')
    expect(loyalCalls.nightly).toBe(1)
    const runs = await json(await t.request('GET', `/api/v1/jobs/${encodeURIComponent('loyal:nightly')}/runs`, { as: 'admin' }))
    expect(runs.items[0]).toMatchObject({ outcome: 'succeeded', progress: { done: 1, total: 1 } })
  })

  it('reaches an optional plugin through its extension point only while it is enabled', async () => {
    await t.request('POST', '/api/p/notes/notes', { body: { id: 'n', text: 'x' } })
    expect(await json(await t.request('GET', '/api/p/loyal/notes-count'))).toEqual({ notes: 1 })
    await t.host!.disable('notes')
    expect(await json(await t.request('GET', '/api/p/loyal/notes-count'))).toEqual({ notes: null })
  })

  it('refuses an emit of an event type the plugin does not own', async () => {
    const res = await t.request('POST', '/api/p/loyal/forge')
    expect(res.status).toBe(500)
    expect((await json(res)).error).toMatchObject({ code: 'PLUGIN_EVENT_NOT_OWNED', plugin: 'loyal' })
  })
})
