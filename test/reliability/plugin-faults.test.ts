/**
 * Plugin fault injection: fixture plugins that throw at boot, hang at boot, throw in a route after
 * writing, throw in an in-transaction subscriber and in a scoring rule (on orders marked `boom`),
 * and fail or hang in after-commit subscribers, installed alongside every real plugin. The real
 * plugins keep serving; each failure is attributed to its plugin (boot report, error body, log);
 * a failed transaction leaves nothing behind (no event, no points, no tier change, no row); the
 * after-commit side effects are retried and then dead-lettered, never failing the request.
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
import { openDatabase, t as column, table, type Database } from '@rapport/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ORIGIN = 'http://rapport.test'
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
  const order = (orderId: string) => request('POST', '/api/v1/events', { events: [{ id: orderId, type: 'order.completed', customerExternalId: 'fault-c1', orderId, amountMinor: 5000, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' }] })
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

  it('rolls back the whole order when an in-transaction subscriber or a scoring rule throws, and takes the next order', async () => {
    expect((await order('ok-1')).status).toBeLessThan(300)
    const before = { events: await count('SELECT COUNT(*) AS n FROM core_events'), ledger: await count('SELECT COUNT(*) AS n FROM points_ledger'), tiering: await count('SELECT COUNT(*) AS n FROM tiering_orders'), changes: await count('SELECT COUNT(*) AS n FROM core_profile_changes') }
    for (const [id, kind, handler] of [['boom-sub-1', 'subscriber', 'in-tx-check'], ['boom-rule-1', 'rule', 'count-orders']] as const) {
      const res = await order(id)
      const body = await res.json() as { error: { code: string; plugin: string; details: { kind: string; handler: string } } }
      expect(res.status).toBe(500)
      expect(body.error).toMatchObject({ code: 'PLUGIN_HANDLER_FAILED', plugin: 'faulty', details: { kind, handler } })
    }
    expect({ events: await count('SELECT COUNT(*) AS n FROM core_events'), ledger: await count('SELECT COUNT(*) AS n FROM points_ledger'), tiering: await count('SELECT COUNT(*) AS n FROM tiering_orders'), changes: await count('SELECT COUNT(*) AS n FROM core_profile_changes') }).toEqual(before)
    expect((await order('ok-2')).status).toBeLessThan(300)
    expect(await count("SELECT COUNT(*) AS n FROM core_events WHERE type = 'order.completed'")).toBe(2)
    expect(await count("SELECT COUNT(*) AS n FROM core_profile_values WHERE field = 'tiering.orders' AND num_value = 2")).toBe(1)
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
