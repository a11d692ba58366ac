/**
 * A plugin failing on an event it did not emit, through the HTTP API: the other plugins' in-
 * transaction work is applied once (the savepoint is rolled back and they run again), a failure
 * deeper in a cascade stays with its plugin, the failures that count towards a quarantine are those
 * within the window, and a required plugin is never quarantined.
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginDefinition, RapportEvent } from '../src/plugins/contract.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

const label = { en: 'Count', 'zh-CN': '计数' }
const orderIdOf = (event: RapportEvent) => String((event.payload as { orderId?: unknown }).orderId)

/** Boots first: counts the orders it sees. */
const counter: PluginDefinition = {
  name: 'counter', namespace: 'ctr', version: '1.0.0', host: '^1', profile: { seen: { kind: 'integer', label } },
  setup(ctx) {
    ctx.on('order.completed', (event, { tx }) => ctx.updateProfile(tx, event.customerId!, { 'ctr.seen': { add: 1 } } as never, { id: 'seen', eventSeq: event.seq }), { id: 'count', phase: 'inTransaction' })
  },
}
/** Writes, then throws on `boom…` orders; emits `brk.noticed` for `cascade…` orders. */
const breaker: PluginDefinition = {
  name: 'breaker', namespace: 'brk', version: '1.0.0', host: '^1', profile: { touched: { kind: 'integer', label } },
  events: { 'brk.noticed': z.object({ orderId: z.string() }) },
  setup(ctx) {
    ctx.on('order.completed', async (event, { tx }) => {
      await ctx.updateProfile(tx, event.customerId!, { 'brk.touched': { add: 1 } } as never, { id: 'touched', eventSeq: event.seq })
      if (orderIdOf(event).startsWith('cascade')) await ctx.emit('brk.noticed' as never, event.customerId, { orderId: orderIdOf(event) } as never, { key: event.id })
      if (orderIdOf(event).startsWith('boom')) throw new Error('breaker exploded')
    }, { id: 'touch', phase: 'inTransaction' })
  },
}
/** Fails on every `brk.noticed` (breaker's event: breaker is among its dependencies, as the boot checks since cc8d7ef). */
const listener: PluginDefinition = {
  name: 'listener', namespace: 'lsn', version: '1.0.0', host: '^1', optional: { breaker: '*' },
  setup(ctx) { ctx.on('brk.noticed' as never, () => { throw new Error('listener exploded') }, { id: 'hear', phase: 'inTransaction' }) },
}
/** On `brk.noticed` of `cascade-settle…` orders: settles work that counts, then fails. */
const settler: PluginDefinition = {
  name: 'settler', namespace: 'stl', version: '1.0.0', host: '^1', optional: { breaker: '*' }, profile: { settled: { kind: 'integer', label } },
  setup(ctx) {
    ctx.on('brk.noticed' as never, async (event, { settle }) => {
      if (!orderIdOf(event).startsWith('cascade-settle')) return
      await settle!('count', (q) => ctx.updateProfile(q, event.customerId!, { 'stl.settled': { add: 1 } } as never, { id: 'settled', eventSeq: event.seq }))
      throw new Error('settler exploded')
    }, { id: 'settle-then-throw', phase: 'inTransaction' })
  },
}
/** On `swallow…` orders emits `swl.asked` and ignores whatever that throws. */
const swallower: PluginDefinition = {
  name: 'swallower', namespace: 'swl', version: '1.0.0', host: '^1',
  events: { 'swl.asked': z.object({ orderId: z.string() }) },
  setup(ctx) {
    ctx.on('order.completed', async (event) => {
      if (!orderIdOf(event).startsWith('swallow')) return
      try {
        await ctx.emit('swl.asked' as never, event.customerId, { orderId: orderIdOf(event) } as never, { key: event.id })
      } catch {
        // A plugin may do this; the host must not commit the failing plugin's writes because of it.
      }
    }, { id: 'ask', phase: 'inTransaction' })
  },
}
/** Writes to its profile on every `swl.asked`, then throws. */
const halfWriter: PluginDefinition = {
  name: 'half-writer', namespace: 'hw', version: '1.0.0', host: '^1', optional: { swallower: '*' }, profile: { wrote: { kind: 'integer', label } },
  setup(ctx) {
    ctx.on('swl.asked' as never, async (event, { tx }) => {
      await ctx.updateProfile(tx, event.customerId!, { 'hw.wrote': { add: 1 } } as never, { id: 'wrote', eventSeq: event.seq })
      throw new Error('half-writer exploded')
    }, { id: 'write-then-throw', phase: 'inTransaction' })
  },
}
/** Required: its rule throws on `guard…` orders. */
const guard: PluginDefinition = {
  name: 'guard', namespace: 'grd', version: '1.0.0', host: '^1', required: true, profile: { x: { kind: 'integer', label } },
  scoring: [{ id: 'guard-rule', version: 1, on: 'order.completed', apply: (event) => { if (orderIdOf(event).startsWith('guard')) throw new Error('guard exploded'); return {} } }],
}

type Failure = { plugin: string; kind: string; handler: string; event_type: string; code: string; reason: string | null }
type PluginView = { name: string; state: string; error: { code: string; details: { failures: number } } | null; failures: { total: number; recent: number } }

describe.each(dialects)('plugin failures on %s', (dialect) => {
  const apps: TestApp[] = []
  const start = async (plugins: PluginDefinition[], limit = 5) => {
    const t = await createTestApp(dialect, { plugins, hostOptions: { failurePolicy: { limit, windowMinutes: 60 } } })
    apps.push(t)
    return { t, key: await t.apiKey(['events:write']) }
  }
  const post = async (app: { t: TestApp; key: string }, orderIds: string[]) => {
    const events = orderIds.map((orderId) => ({ id: orderId, type: 'order.completed', customerExternalId: 'crm-1', orderId, amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' }))
    const res = await app.t.request('POST', '/api/v1/events', { body: { events }, as: { apiKey: app.key } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(orderIds.map(() => 'accepted'))
  }
  const profile = async (t: TestApp) => t.profile((await t.db.get<{ id: string }>("SELECT id FROM core_customers WHERE external_id = 'crm-1'"))!.id)
  const failures = (t: TestApp) => t.db.all<Failure>('SELECT plugin, kind, handler, event_type, code, reason FROM core_plugin_failures ORDER BY seq')
  const plugins = async (t: TestApp) => ((await (await t.request('GET', '/api/v1/plugins')).json()) as { items: PluginView[] }).items
  afterAll(async () => { for (const t of apps) await t.close() })

  describe('isolation', () => {
    let app: { t: TestApp; key: string }
    beforeAll(async () => { app = await start([counter, breaker, listener, settler, swallower, halfWriter]) }, 60_000)
    beforeEach(async () => {
      await app.t.reset()
      app.key = await app.t.apiKey(['events:write'])
    })

    it('applies the other plugins\' in-transaction work once when a later plugin fails, and none of the failing plugin\'s', async () => {
      await post(app, ['ok-1', 'boom-1'])
      // counter ran before breaker failed on boom-1, was rolled back with the savepoint and ran again: one count per order.
      expect(await profile(app.t)).toEqual({ 'ctr.seen': 2, 'brk.touched': 1 })
      expect(await failures(app.t)).toEqual([{ plugin: 'breaker', kind: 'subscriber', handler: 'touch', event_type: 'order.completed', code: 'PLUGIN_HANDLER_FAILED', reason: 'breaker exploded' }])
      // What the plugin threw is shown to those who manage plugins; an analyst sees the code and message.
      const last = async (as: 'owner' | 'analyst') => ((await (await app.t.request('GET', '/api/v1/plugins/breaker', { as })).json()) as { failures: { last: { error: { code: string }; reason: string | null } } }).failures.last
      expect(await last('owner')).toMatchObject({ error: { code: 'PLUGIN_HANDLER_FAILED' }, reason: 'breaker exploded' })
      expect(await last('analyst')).toMatchObject({ error: { code: 'PLUGIN_HANDLER_FAILED' }, reason: null })
    })

    it('keeps a failure deeper in a cascade with the plugin that failed', async () => {
      await post(app, ['cascade-1'])
      expect(await app.t.db.all('SELECT type FROM core_events ORDER BY seq')).toEqual([{ type: 'order.completed' }, { type: 'brk.noticed' }])
      expect(await profile(app.t)).toEqual({ 'ctr.seen': 1, 'brk.touched': 1 })
      expect(await failures(app.t)).toEqual([{ plugin: 'listener', kind: 'subscriber', handler: 'hear', event_type: 'brk.noticed', code: 'PLUGIN_HANDLER_FAILED', reason: 'listener exploded' }])
    })

    it('never runs the work a subscriber settled before it failed', async () => {
      await post(app, ['cascade-settle-1'])
      expect(await profile(app.t)).toEqual({ 'ctr.seen': 1, 'brk.touched': 1 })
      expect((await failures(app.t)).map((f) => `${f.plugin} ${f.handler}`).sort()).toEqual(['listener hear', 'settler settle-then-throw'])
    })

    it('drops the writes of a plugin failing on an event whose emitter ignored the failure', async () => {
      await post(app, ['swallow-1', 'ok-2'])
      expect(await app.t.db.all('SELECT type FROM core_events ORDER BY seq')).toEqual([{ type: 'order.completed' }, { type: 'swl.asked' }, { type: 'order.completed' }])
      expect(await profile(app.t)).toEqual({ 'ctr.seen': 2, 'brk.touched': 2 })
      expect(await failures(app.t)).toEqual([{ plugin: 'half-writer', kind: 'subscriber', handler: 'write-then-throw', event_type: 'swl.asked', code: 'PLUGIN_HANDLER_FAILED', reason: 'half-writer exploded' }])
    })
  })

  it('counts the failures within the window only, and never quarantines a required plugin', async () => {
    const app = await start([guard, counter, breaker], 3)
    await post(app, ['boom-1'])
    app.t.advance(61 * 60_000)
    // Past the limit for the required guard: isolated and listed, never stopped.
    await post(app, ['guard-1', 'guard-2', 'guard-3', 'guard-4'])
    await post(app, ['boom-2', 'boom-3'])
    expect((await plugins(app.t)).find((p) => p.name === 'breaker')).toMatchObject({ state: 'active', failures: { total: 3, recent: 2 } })
    await post(app, ['boom-4'])
    // Quarantine checks take turns: once breaker's is done, guard's (scheduled before) are too.
    await expect.poll(async () => (await plugins(app.t)).find((p) => p.name === 'breaker')!.state).toBe('failed')
    const listed = await plugins(app.t)
    expect(listed.find((p) => p.name === 'breaker')!.error).toMatchObject({ code: 'PLUGIN_QUARANTINED', details: { failures: 3 } })
    expect(listed.find((p) => p.name === 'guard')).toMatchObject({ state: 'active', error: null, failures: { total: 4, recent: 4 } })
    expect(listed.find((p) => p.name === 'counter')).toMatchObject({ state: 'active', failures: { total: 0 } })
  }, 60_000)
})
