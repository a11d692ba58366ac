/**
 * Plugin fault injection: fixture plugins that throw at boot, hang at boot, throw in a route after
 * writing, throw in an in-transaction subscriber and in a scoring rule (on orders marked `boom`),
 * and fail or hang in after-commit subscribers, installed alongside every real plugin. The real
 * plugins keep serving; each failure is attributed to its plugin (boot report, error body, log);
 * a failed route's transaction leaves nothing behind; an order a plugin fails on is kept and
 * applied by the others; the after-commit side effects are retried and then dead-lettered, never
 * failing the request. On every dialect: a plugin failing on poisoned orders in a batch loses only
 * its own work on them, is quarantined after the failure limit while the others keep serving, and
 * once replaced by a healthy version and enabled again catches up on what it missed.
 *
 * The app is built here rather than with createTestApp, to shorten the boot and handler timeouts
 * and to read the log.
 */
import { Writable } from 'node:stream'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from '@rapport/plugin-sdk'
import { installedPlugins } from '@rapport/api'
import { createCoreApp, createDeliveryWorker, createLogger, createPluginHost, createServices, defineRoute, jsonResponse, migrateCore, policies, type PluginDefinition } from '@rapport/core'
import { createTestApp, dialects, ORIGIN, SECRET, type TestApp } from '@rapport/core/testing'
import { openDatabase, t as column, table, type Database } from '@rapport/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flakyPlugin } from '../support/flaky-plugin.js'

type Send = (method: string, path: string, options?: { body?: unknown; as?: { apiKey: string } }) => Promise<Response>

const faultyItems = table('faulty_items', { id: column.text().primaryKey() })

const throwsAtBoot: PluginDefinition = { name: 'throws-at-boot', namespace: 'tab', version: '1.0.0', host: '^1', setup() { throw new Error('no licence key') } }
const hangsAtBoot: PluginDefinition = { name: 'hangs-at-boot', namespace: 'hab', version: '1.0.0', host: '^1', setup: () => new Promise(() => undefined) }

/** Throws in a route after writing, in an in-transaction subscriber and in a scoring rule (on `boom` orders), and in after-commit subscribers. */
const faulty: PluginDefinition = {
  name: 'faulty', namespace: 'faulty', version: '1.0.0', host: '^1', tables: [faultyItems],
  profile: { seen: { kind: 'integer', label: { en: 'Seen', 'zh-CN': '已见' } } },
  scoring: [{
    id: 'count-orders', version: 1, on: 'order.completed',
    apply: (event, profile) => {
      if (String((event.payload as { orderId?: string }).orderId).startsWith('boom-rule')) throw new Error('rule exploded')
      return { 'faulty.seen': { set: Number(profile['faulty.seen'] ?? 0) + 1 } } as never
    },
  }],
  setup(ctx) {
    ctx.route(defineRoute(
      { method: 'post', path: '/explode', access: policies.staffWrite(), responses: { 200: jsonResponse(z.object({}), 'Never') } },
      async () => ctx.db.tx(async (tx) => {
        await tx.run("INSERT INTO faulty_items (id) VALUES ('half-done')")
        throw new Error('route exploded after writing')
      }),
    ))
    ctx.on('order.completed', (event) => {
      if (String((event.payload as { orderId?: string }).orderId).startsWith('boom-sub')) throw new Error('subscriber exploded')
    }, { id: 'in-tx-check', phase: 'inTransaction' })
    ctx.on('order.completed', () => { throw new Error('webhook endpoint down') }, { id: 'webhook', phase: 'afterCommit', maxAttempts: 3 })
    ctx.on('order.completed', () => new Promise(() => undefined), { id: 'mailer-hangs', phase: 'afterCommit', maxAttempts: 2 })
  },
}

describe('plugin faults next to the real plugins', () => {
  let db: Database
  let app: ReturnType<typeof createCoreApp>['app']
  let worker: ReturnType<typeof createDeliveryWorker>
  let report: Awaited<ReturnType<ReturnType<typeof createPluginHost>['start']>>
  let cookie: string
  const logLines: Array<Record<string, unknown>> = []

  async function request(method: string, path: string, body?: unknown) {
    return app.request(`${ORIGIN}${path}`, { method, headers: { origin: ORIGIN, cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  }
  const count = async (sql: string) => Number((await db.get<{ n: number }>(sql))!.n)

  beforeAll(async () => {
    db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'rapport-faults-')), 'faults.db'))
    await migrateCore(db)
    const destination = new Writable({ write(chunk, _enc, done) { for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line)); done() } })
    const services = createServices({ db, log: createLogger({ level: 'warn', destination }), config: { secret: 'faults-secret-0123456789', timeZone: 'UTC', version: '0.0.0-test' } })
    const host = createPluginHost(services, [...installedPlugins, throwsAtBoot, hangsAtBoot, faulty], { setupTimeoutMs: 300 })
    report = await host.start()
    worker = createDeliveryWorker(services, { pollMs: 60_000, backoff: () => 0, handlerTimeoutMs: 200 })
    app = createCoreApp(services, { host }).app
    const { createUser } = await import('@rapport/core')
    await createUser(db, { email: 'owner@faults.test', name: 'Owner', role: 'owner', password: 'correct-horse-battery' }, new Date())
    const login = await app.request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@faults.test', password: 'correct-horse-battery' }) })
    cookie = login.headers.get('set-cookie')!.split(';')[0]!
  }, 60_000)
  afterAll(async () => { await worker?.stop(); await db?.close() })

  it('reports the plugins that failed to boot by name and keeps every other plugin serving', async () => {
    expect(report.plugins['throws-at-boot']?.state).toBe('failed')
    expect(JSON.stringify(report.plugins['throws-at-boot'])).toMatch(/no licence key/)
    expect(report.plugins['hangs-at-boot']?.state).toBe('failed')
    expect(JSON.stringify(report.plugins['hangs-at-boot'])).toMatch(/PLUGIN_SETUP_TIMEOUT|300/)
    for (const plugin of installedPlugins) expect(report.plugins[plugin.name]?.state, plugin.name).toBe('active')
    const listed = await (await request('GET', '/api/v1/plugins')).json() as { items?: Array<{ name: string; state: string }> } | Array<{ name: string; state: string }>
    const items = Array.isArray(listed) ? listed : listed.items ?? []
    expect(items.find((p) => p.name === 'throws-at-boot')?.state).toBe('failed')
    expect((await request('GET', '/api/p/throws-at-boot/anything')).status).toBe(404)
    expect((await request('GET', '/api/p/tiering/distribution')).status).toBe(200)
    expect((await request('GET', '/api/p/satisfaction-survey/templates')).status).toBe(200)
  })

  it('answers a route that throws after writing with a 500 naming the plugin, rolled back, and logged', async () => {
    const res = await request('POST', '/api/p/faulty/explode')
    expect(res.status).toBe(500)
    const body = await res.json() as { error: { code: string; plugin: string; requestId: string; message: string } }
    expect(body.error).toMatchObject({ code: 'INTERNAL_ERROR', plugin: 'faulty' })
    expect(body.error.message).not.toMatch(/exploded|at /)
    expect(await count("SELECT COUNT(*) AS n FROM faulty_items")).toBe(0)
    expect(logLines.some((l) => l.plugin === 'faulty' && l.requestId === body.error.requestId)).toBe(true)
    expect((await request('GET', '/api/p/points-membership/rewards')).status).toBe(200)
  })

  it('keeps an order when another plugin\'s in-transaction subscriber or scoring rule throws, and drops only that plugin\'s work on it', async () => {
    const res = await request('POST', '/api/v1/events', { events: ['ok-1', 'boom-sub-1', 'boom-rule-1', 'ok-2'].map((orderId) => ({ id: orderId, type: 'order.completed', customerExternalId: 'fault-c1', orderId, amountMinor: 5000, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' })) })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    expect(await count("SELECT COUNT(*) AS n FROM core_events WHERE type = 'order.completed'")).toBe(4)
    expect(await count("SELECT COUNT(*) AS n FROM core_profile_values WHERE field = 'tiering.orders' AND num_value = 4")).toBe(1)
    // faulty's rule counted the orders it did not fail on.
    expect(await count("SELECT COUNT(*) AS n FROM core_profile_values WHERE field = 'faulty.seen' AND num_value = 3")).toBe(1)
    expect(await db.all('SELECT kind, handler, code FROM core_plugin_failures ORDER BY seq')).toEqual([
      { kind: 'subscriber', handler: 'in-tx-check', code: 'PLUGIN_HANDLER_FAILED' },
      { kind: 'rule', handler: 'count-orders', code: 'PLUGIN_HANDLER_FAILED' },
    ])
    expect(logLines.some((l) => l.plugin === 'faulty' && l.handler === 'in-tx-check' && l.code === 'PLUGIN_HANDLER_FAILED')).toBe(true)
  })

  it('retries failing and hanging after-commit subscribers, then dead-letters them, without failing the orders', async () => {
    for (let i = 0; i < 4; i++) await worker.drain()
    const rows = await db.all<{ subscriber: string; state: string; attempts: number; last_error: string | null }>("SELECT subscriber, state, attempts, last_error FROM core_deliveries WHERE subscriber LIKE 'faulty%' ORDER BY subscriber")
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.state, JSON.stringify(row)).toBe('dead')
    expect(rows.filter((r) => r.subscriber.includes('webhook')).every((r) => r.attempts === 3)).toBe(true)
    expect(rows.filter((r) => r.subscriber.includes('mailer')).every((r) => r.attempts === 2)).toBe(true)
    const dead = await (await request('GET', '/api/v1/deliveries?state=dead')).json() as { items: Array<{ subscriber: string }> }
    expect(dead.items.length).toBe(rows.length)
    // The real plugins' own side effects were delivered.
    expect(await count("SELECT COUNT(*) AS n FROM core_deliveries WHERE subscriber NOT LIKE 'faulty%' AND state <> 'done'")).toBe(0)
  })
})

describe.each(dialects)('a plugin failing on poisoned orders, on %s', (dialect) => {
  const policy = { limit: 5, windowMinutes: 60 }
  let t: TestApp
  let key: string
  type Plugin = { name: string; state: string; error: { code: string; details?: Record<string, unknown> } | null; failures: { total: number; recent: number; limit: number; windowMinutes: number; last: { event: { id: string }; kind: string; handler: string; error: { code: string }; reason: string | null } | null } }
  type Ingest = { results: Array<{ status: string; eventId: string }> }
  const order = (orderId: string, customer: string, amountMinor = 1000) =>
    ({ id: orderId, type: 'order.completed', customerExternalId: customer, orderId, amountMinor, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' })
  const ingest = async (send: Send, orders: ReturnType<typeof order>[]) => {
    const res = await send('POST', '/api/v1/events', { body: { events: orders }, as: { apiKey: key } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Ingest
    expect(body.results.map((r) => r.status)).toEqual(orders.map(() => 'accepted'))
    return body.results
  }
  const flaky = async (send: Send) => ((await (await send('GET', '/api/v1/plugins')).json()) as { items: Plugin[] }).items.find((p) => p.name === 'flaky')!
  const customerId = async (externalId: string) => (await t.db.get<{ id: string }>('SELECT id FROM core_customers WHERE external_id = ?', [externalId]))!.id
  const profileOf = async (externalId: string) => t.profile(await customerId(externalId))
  const count = async (sql: string) => Number((await t.db.get<{ n: number }>(sql))!.n)
  /** What every built-in plugin made of the orders: tiering and points recorded each one. */
  const builtIns = async () => ({ tiering: await count('SELECT COUNT(*) AS n FROM tiering_orders'), points: await count('SELECT COUNT(*) AS n FROM points_orders') })

  beforeAll(async () => {
    t = await createTestApp(dialect, { plugins: [...installedPlugins, flakyPlugin({ healthy: false })], hostOptions: { failurePolicy: policy } })
    key = await t.apiKey(['events:write'])
  }, 120_000)
  afterAll(() => t?.close())

  it('keeps every order of a batch with poisoned ones, scored by every other plugin, and lists the failures', async () => {
    const results = await ingest(t.request, [
      order('good-1', 'c-a', 1000), order('poison-throw-1', 'c-a', 2000), order('good-2', 'c-b', 4000),
      order('poison-invalid-1', 'c-a', 8000), order('poison-unknown-1', 'c-b', 16000), order('good-3', 'c-a', 32000),
    ])
    expect(await builtIns()).toEqual({ tiering: 6, points: 6 })
    for (const [customer, orders] of [['c-a', 4], ['c-b', 2]] as const) {
      const profile = await profileOf(customer)
      expect(profile['tiering.orders'], customer).toBe(orders)
      expect(typeof profile['tiering.tier'], customer).toBe('string')
      expect(Number(profile['points.lifetimeEarned']), customer).toBeGreaterThan(0)
    }
    // flaky applied the good orders only: its rule's changes on a poisoned order were dropped, and its subscriber skipped it.
    expect(await profileOf('c-a')).toMatchObject({ 'flaky.spent': 33000, 'flaky.orders': 2 })
    expect(await profileOf('c-b')).toMatchObject({ 'flaky.spent': 4000, 'flaky.orders': 1 })

    const listed = await flaky(t.request)
    expect(listed).toMatchObject({ state: 'active', error: null, failures: { total: 3, recent: 3, ...policy } })
    expect(listed.failures.last).toMatchObject({ event: { id: results[4]!.eventId }, kind: 'rule', handler: 'spend', error: { code: 'PLUGIN_FIELD_UNKNOWN' }, reason: null })
    expect(await t.db.all('SELECT event_id, code, reason FROM core_plugin_failures ORDER BY seq')).toEqual([
      { event_id: results[1]!.eventId, code: 'PLUGIN_HANDLER_FAILED', reason: 'spend rule exploded on a poisoned order' },
      { event_id: results[3]!.eventId, code: 'PLUGIN_CHANGE_INVALID', reason: null },
      { event_id: results[4]!.eventId, code: 'PLUGIN_FIELD_UNKNOWN', reason: null },
    ])
  })

  it('rolls back what a failing subscriber wrote, quarantines the plugin at the limit, and the others keep serving', async () => {
    await ingest(t.request, [order('poison-sub-1', 'c-a', 1), order('good-4', 'c-b', 64000), order('poison-sub-2', 'c-b', 2)])
    expect(await count("SELECT COUNT(*) AS n FROM flaky_orders WHERE order_id LIKE 'poison-sub%'")).toBe(0)
    expect(await count("SELECT COUNT(*) AS n FROM core_plugin_failures WHERE kind = 'subscriber' AND handler = 'record-order'")).toBe(2)

    await expect.poll(async () => (await flaky(t.request)).state).toBe('failed')
    const listed = await flaky(t.request)
    expect(listed.error).toMatchObject({ code: 'PLUGIN_QUARANTINED', details: { plugin: 'flaky', failures: 5, windowMinutes: 60 } })
    const route = await t.request('GET', '/api/p/flaky/orders')
    expect(route.status).toBe(503)
    expect(((await route.json()) as { error: { code: string } }).error.code).toBe('PLUGIN_QUARANTINED')

    // The others keep taking orders; flaky sees none of them.
    const before = await profileOf('c-b')
    await ingest(t.request, [order('good-5', 'c-b', 128000), order('poison-throw-2', 'c-b', 256000)])
    expect(await builtIns()).toEqual({ tiering: 11, points: 11 })
    expect(await profileOf('c-b')).toMatchObject({ 'tiering.orders': 6, 'flaky.spent': before['flaky.spent'], 'flaky.orders': before['flaky.orders'] })
    expect((await t.request('GET', '/api/p/tiering/distribution')).status).toBe(200)
    expect((await t.request('GET', '/api/p/points-membership/rewards')).status).toBe(200)
    expect(await count('SELECT COUNT(*) AS n FROM core_plugin_failures')).toBe(5)
  })

  it('stays quarantined across a restart; fixed and enabled again, it catches up on every order it missed', async () => {
    // A restart with the fixed version installed: a new host and app on the same database.
    const services = createServices({ db: t.db, config: { secret: SECRET, timeZone: 'Asia/Shanghai', version: '0.0.0-test' }, log: createLogger({ level: 'silent' }), now: t.services.now })
    const host = createPluginHost(services, [...installedPlugins, flakyPlugin({ healthy: true })], { failurePolicy: policy })
    const report = await host.start()
    expect(report.plugins.flaky).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_QUARANTINED', details: { failures: 5 } } })
    for (const plugin of installedPlugins) expect(report.plugins[plugin.name]?.state, plugin.name).toBe('active')
    const { app } = createCoreApp(services, { host })
    const cookie = await t.cookieFor('owner')
    const send: Send = (method, path, { body, as } = {}) => app.request(`${ORIGIN}${path}`, {
      method, headers: { origin: ORIGIN, ...(as ? { authorization: `Bearer ${as.apiKey}` } : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

    const enabled = await send('POST', '/api/v1/plugins/flaky/enable')
    expect(enabled.status).toBe(200)
    expect(await enabled.json()).toMatchObject({ state: 'active', error: null, failures: { total: 5, recent: 0 } })
    // The catch-up replayed everything from the first order it failed on: all 11 orders are recorded and mirrored.
    expect(await count('SELECT COUNT(*) AS n FROM flaky_orders')).toBe(11)
    expect(await profileOf('c-a')).toMatchObject({ 'flaky.orders': 5, 'tiering.orders': 5 })
    expect(await profileOf('c-b')).toMatchObject({ 'flaky.orders': 6, 'tiering.orders': 6 })
    expect(((await (await send('GET', '/api/p/flaky/orders')).json()) as { count: number }).count).toBe(11)
    expect(await t.db.get('SELECT seen_through_seq AS seq, quarantined_at AS at FROM core_plugins WHERE name = ?', ['flaky'])).toEqual({ seq: null, at: null })

    // Rule-computed fields come back with a rebuild, as after any catch-up.
    expect((await send('POST', '/api/v1/plugins/flaky/rebuild')).status).toBe(200)
    expect((await profileOf('c-a'))['flaky.spent']).toBe(1000 + 2000 + 8000 + 32000 + 1)
    expect((await profileOf('c-b'))['flaky.spent']).toBe(4000 + 16000 + 64000 + 2 + 128000 + 256000)

    // New orders, marked ones too, are scored as usual and fail nothing.
    await ingest(send, [order('poison-throw-3', 'c-a', 10), order('good-6', 'c-a', 20)])
    expect(await profileOf('c-a')).toMatchObject({ 'flaky.spent': 43001 + 30, 'flaky.orders': 7, 'tiering.orders': 7 })
    expect(await count('SELECT COUNT(*) AS n FROM core_plugin_failures')).toBe(5)
  })
})
