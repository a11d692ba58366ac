import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ApiScope, Role } from '../src/http/app-env.js'
import { createTestApp, dialects, type As, type TestApp } from '../testing/test-app.js'

type Kind = 'read' | 'write' | 'owner' | 'export' | 'events'
type Caller = 'anonymous' | Role | { scopes: ApiScope[] }

/** Every customer route, what kind of access it needs, and a request to make. */
const ROUTES: Array<{ kind: Kind; method: string; path: (id: string) => string; body?: unknown }> = [
  { kind: 'write', method: 'POST', path: () => '/api/v1/customers', body: { name: 'New' } },
  { kind: 'write', method: 'PUT', path: () => '/api/v1/customers/by-external-id/ext-access', body: { name: 'Upserted' } },
  { kind: 'read', method: 'GET', path: () => '/api/v1/customers' },
  { kind: 'read', method: 'GET', path: (id) => `/api/v1/customers/names?ids=${id}` },
  { kind: 'read', method: 'GET', path: (id) => `/api/v1/customers/${id}` },
  { kind: 'write', method: 'PATCH', path: (id) => `/api/v1/customers/${id}`, body: { name: 'Changed' } },
  { kind: 'owner', method: 'POST', path: (id) => `/api/v1/customers/${id}/erase` },
  { kind: 'export', method: 'GET', path: (id) => `/api/v1/customers/${id}/export` },
  { kind: 'events', method: 'GET', path: (id) => `/api/v1/customers/${id}/events` },
]

/** Who may do what: true = allowed, 401/403 = refused with that status. */
const MATRIX: Array<[Caller, Record<Kind, true | 401 | 403>]> = [
  ['owner', { read: true, write: true, owner: true, export: true, events: true }],
  ['admin', { read: true, write: true, owner: 403, export: true, events: true }],
  ['agent', { read: true, write: true, owner: 403, export: 403, events: true }],
  ['analyst', { read: true, write: 403, owner: 403, export: 403, events: true }],
  ['anonymous', { read: 401, write: 401, owner: 401, export: 401, events: 401 }],
  [{ scopes: ['customers:read'] }, { read: true, write: 403, owner: 403, export: 403, events: 403 }],
  [{ scopes: ['customers:write'] }, { read: 403, write: true, owner: 403, export: 403, events: 403 }],
  [{ scopes: ['customers:read', 'customers:write', 'events:read'] }, { read: true, write: true, owner: 403, export: 403, events: true }],
]

const label = (c: Caller) => (typeof c === 'string' ? c : `API key ${c.scopes.join('+')}`)

describe.each(dialects)('customer route access on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  it('declares the intended policy on every customer route', () => {
    const mine = t.routes.filter((r) => r.path.startsWith('/api/v1/customers'))
    expect(mine.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/v1/customers', 'GET /api/v1/customers/names', 'GET /api/v1/customers/{id}', 'GET /api/v1/customers/{id}/consents', 'GET /api/v1/customers/{id}/events', 'GET /api/v1/customers/{id}/explain', 'GET /api/v1/customers/{id}/export', 'GET /api/v1/customers/{id}/message-addresses', 'GET /api/v1/customers/{id}/timeline', 'PATCH /api/v1/customers/{id}', 'POST /api/v1/customers', 'POST /api/v1/customers/{id}/erase', 'POST /api/v1/customers/{id}/links', 'PUT /api/v1/customers/by-external-id/{externalId}', 'PUT /api/v1/customers/{id}/consents/{channel}', 'PUT /api/v1/customers/{id}/message-addresses',
    ])
    for (const r of mine) expect(r.access, `${r.method} ${r.path}`).not.toBe('anonymous')
  })

  it.each(MATRIX.map(([caller, rights]) => [label(caller), caller, rights] as const))('enforces access for %s', async (_, caller, rights) => {
    const as: As = typeof caller === 'string' ? caller : { apiKey: await t.apiKey(caller.scopes) }
    for (const route of ROUTES) {
      const created = await t.request('POST', '/api/v1/customers', { body: { name: 'Target' } })
      const { id } = (await created.json()) as { id: string }
      const res = await t.request(route.method, route.path(id), { as, ...(route.body ? { body: route.body } : {}) })
      const expected = rights[route.kind]
      const where = `${label(caller)} ${route.method} ${route.path('{id}')}`
      if (expected === true) expect(res.status, where).toBeLessThan(300)
      else {
        expect(res.status, where).toBe(expected)
        expect(((await res.json()) as { error: { code: string } }).error.code, where).toBe(expected === 401 ? 'AUTH_REQUIRED' : 'AUTH_FORBIDDEN')
      }
    }
  })
})
