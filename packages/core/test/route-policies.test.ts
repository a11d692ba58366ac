/**
 * Every route the running server reports, core's and the plugins', against every kind of
 * caller: a route's declared policy is what the server enforces. The list comes from the
 * server itself, so a new route is covered the moment it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allows } from '../src/http/access.js'
import { API_SCOPES, ROLES, type Caller } from '../src/http/app-env.js'
import { createTestApp, dialects, json, type As, type TestApp } from '../testing/test-app.js'
import { notesPlugin, reportsPlugin } from './fixtures/fixture-plugins.js'

type Probe = { label: string; as: As; caller: Caller }

describe.each(dialects)('route policies on %s', (dialect) => {
  let t: TestApp
  const probes: Probe[] = []
  beforeAll(async () => {
    t = await createTestApp(dialect, { plugins: [notesPlugin, reportsPlugin] })
    probes.push({ label: 'anonymous', as: 'anonymous', caller: { kind: 'anonymous' } })
    for (const role of ROLES) probes.push({ label: role, as: role, caller: { kind: 'user', role, userId: '', sessionId: '' } })
    for (const scope of API_SCOPES) probes.push({ label: `key ${scope}`, as: { apiKey: await t.apiKey([scope]) }, caller: { kind: 'apiKey', keyId: '', scopes: [scope] } })
    const customer = await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'link-probe' } }))
    const { token } = await json(await t.request('POST', `/api/v1/customers/${customer.id}/links`, { body: { purpose: 'notes' } }))
    probes.push({ label: 'customer link', as: { link: token }, caller: { kind: 'customer', customerId: customer.id, purpose: 'notes', linkId: '' } })
  }, 60_000)
  afterAll(async () => { await t.close() })

  it('lists core and plugin routes, each with a policy', () => {
    const paths = t.routes.map((r) => `${r.method} ${r.path}`)
    expect(paths).toContain('POST /api/v1/events')
    expect(paths).toContain('POST /api/p/notes/notes')
    for (const route of t.routes) expect(route.access, `${route.method} ${route.path}`).toBeDefined()
  })

  it('answers 401 or 403 exactly where the declared policy refuses the caller', async () => {
    const mismatches: string[] = []
    for (const route of t.routes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'probe')
      for (const probe of probes) {
        // Sign-out would end the probe's own session; its policy is checked with a copy of it below.
        if (route.path === '/api/v1/auth/logout') continue
        const res = await t.request(route.method, path, { as: probe.as, ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: {} } : {}) })
        const body = res.status === 401 || res.status === 403 ? await json(res) : undefined
        // LINK_WRONG_CUSTOMER is the handler's own check, after the policy let the link through.
        const refused = body !== undefined && /^AUTH_/.test(body.error.code)
        const allowed = allows(route.access, probe.caller)
        if (allowed === refused) mismatches.push(`${probe.label} ${route.method} ${route.path} → ${res.status}`)
        if (refused) expect(body.error.code).toMatch(/^AUTH_(REQUIRED|FORBIDDEN)$/)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('applies the sign-out policy too', async () => {
    expect((await t.request('POST', '/api/v1/auth/logout', { as: 'anonymous' })).status).toBe(401)
    expect((await t.request('POST', '/api/v1/auth/logout', { as: { apiKey: await t.apiKey(['customers:read']) } })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/auth/logout', { as: 'analyst' })).status).toBe(204)
  })
})
