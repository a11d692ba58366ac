import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp, json } from '../testing/test-app.js'

describe.each(dialects)('the HTTP boundary on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  afterAll(async () => { await t.close() })

  it('reports health with version and database status', async () => {
    const res = await t.request('GET', '/api/health', { as: 'anonymous' })
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ status: 'ok', version: '0.0.0-test', database: { status: 'ok', dialect: dialect === 'sqlite' ? 'sqlite' : 'pg' }, timeZone: 'Asia/Shanghai' })
    expect(res.headers.get('x-request-id')).toBeTruthy()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers unknown routes with a coded 404 and the request id', async () => {
    const res = await t.request('GET', '/api/v1/nothing-here', { as: 'anonymous', headers: { 'x-request-id': 'req-123' } })
    expect(res.status).toBe(404)
    expect(await json(res)).toEqual({ error: { code: 'REQUEST_NOT_FOUND', message: expect.any(String), details: { path: '/api/v1/nothing-here' }, requestId: 'req-123' } })
  })

  it('turns malformed JSON, wrong types and unknown fields into coded 400s', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', rawBody: '{"email":', headers: { 'content-type': 'application/json' } })
    expect(malformed.status).toBe(400)
    expect((await json(malformed)).error.code).toBe('REQUEST_MALFORMED_JSON')
    const wrongType = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', body: { email: 42, password: 'x' } })
    expect(wrongType.status).toBe(400)
    const body = await json(wrongType)
    expect(body.error.code).toBe('REQUEST_INVALID')
    expect(body.error.details.issues[0].path).toBe('body.email')
    const unknown = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', body: { email: 'a@b.cn', password: 'x', admin: true } })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(await json(unknown))).toContain('admin')
  })

  it('refuses oversized bodies and the wrong content type', async () => {
    const big = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', rawBody: JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } })
    expect(big.status).toBe(413)
    expect((await json(big)).error.code).toBe('REQUEST_BODY_TOO_LARGE')
    const text = await t.request('POST', '/api/v1/auth/login', { as: 'anonymous', rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(text.status).toBe(415)
  })

  it('publishes an OpenAPI 3.1 document where every operation states its access', async () => {
    const doc = await json(await t.request('GET', '/api/openapi.json', { as: 'anonymous' }))
    expect(doc.openapi).toBe('3.1.0')
    const operations = Object.values(doc.paths as Record<string, Record<string, { 'x-rapport-access'?: unknown }>>).flatMap((ops) => Object.values(ops))
    expect(operations.length).toBeGreaterThan(5)
    for (const op of operations) expect(op['x-rapport-access']).toBeDefined()
    expect(t.routes.length).toBe(operations.length + 1)
  })

  it('never sends a stack trace, even for server faults', async () => {
    const res = await t.request('GET', '/api/v1/customers?limit=abc')
    const text = await res.text()
    expect(res.status).toBeLessThan(500)
    expect(text).not.toMatch(/at .*\.ts:\d+/)
  })
})
