/**
 * Bad input on every core route the server reports: malformed JSON, wrong types, unknown
 * fields and query parameters, unknown ids. Each answer is a coded 4xx in the error shape,
 * never a 500, and nothing stored changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

describe.each(dialects)('bad input on every route on %s', (dialect) => {
  let t: TestApp
  let customerId: string
  beforeAll(async () => {
    t = await createTestApp(dialect)
    customerId = (await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'keep-me', name: '王芳', email: 'wang@example.cn' } }))).id
    await t.request('POST', '/api/v1/events', { body: { events: [{ id: 'o-1', type: 'order.completed', customerExternalId: 'keep-me', orderId: 'o-1', amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-01T00:00:00Z' }] } })
    await t.cookieFor('owner')
  }, 60_000)
  afterAll(async () => { await t.close() })

  /** Row counts of every table plus the one customer as the API shows it. */
  async function snapshot() {
    const tables = await t.db.all<{ name: string }>(t.db.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
    const counts: Record<string, number> = {}
    // Sessions and sign-in counters move with every request; audit rows only on success.
    for (const { name } of tables) if (!['core_sessions', 'core_login_throttle'].includes(name)) counts[name] = (await t.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`))!.n
    return { counts, customer: await json(await t.request('GET', `/api/v1/customers/${customerId}`)) }
  }

  const paths = () => t.routes.filter((r) => r.path !== '/api/v1/auth/logout').map((r) => ({ ...r, url: r.path.replace(/\{id\}/g, customerId).replace(/\{[^}]+\}/g, 'nope') }))

  async function expectCoded(res: Response, where: string) {
    expect(res.status, where).toBeGreaterThanOrEqual(400)
    expect(res.status, where).toBeLessThan(500)
    const body = await json(res)
    expect(body.error.code, where).toMatch(/^[A-Z]+(_[A-Z]+)+$/)
    expect(typeof body.error.requestId, where).toBe('string')
  }

  it('answers malformed JSON, wrong types and unknown fields with coded 4xx and changes nothing', async () => {
    const before = await snapshot()
    for (const route of paths().filter((r) => r.body)) {
      const where = `${route.method} ${route.path}`
      await expectCoded(await t.request(route.method, route.url, { rawBody: '{"events": [', headers: { 'content-type': 'application/json' } }), `${where} malformed`)
      await expectCoded(await t.request(route.method, route.url, { rawBody: '[1, "two", null]', headers: { 'content-type': 'application/json' } }), `${where} array`)
      await expectCoded(await t.request(route.method, route.url, { body: { zzUnknown: { nested: [1, 2, 3] }, externalId: 42, email: ['x'] } }), `${where} unknown fields`)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('answers unknown query parameters, bad cursors and unknown ids with coded 4xx', async () => {
    const before = await snapshot()
    for (const route of paths().filter((r) => r.method === 'GET' && r.query)) {
      const res = await t.request('GET', `${route.url}?cursor=%E2%98%83not-a-cursor&limit=-5`)
      if (res.status < 400) throw new Error(`${route.path} accepted a bad cursor and a negative limit (its query schema should refuse them)`)
      await expectCoded(res, `GET ${route.path}`)
    }
    for (const url of ['/api/v1/customers/cus_nope', '/api/v1/customers/cus_nope/events', '/api/v1/customers/cus_nope/export', '/api/v1/plugins/nope']) {
      await expectCoded(await t.request('GET', url), url)
    }
    expect(await snapshot()).toEqual(before)
  })
})
