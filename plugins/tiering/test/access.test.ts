import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders } from './helpers.js'

type Caller = 'owner' | 'agent' | 'analyst' | 'anonymous' | 'readKey' | 'otherKey'

describe.each(dialects)('who may call each route on %s', (dialect) => {
  let host: TestHost
  let customerId: string
  let keys: { readKey: string; otherKey: string }
  beforeAll(async () => {
    host = await createTestHost({ plugins: [tiering], dialect })
    customerId = await customerWithOrders(host, [10_000])
    keys = { readKey: await host.apiKey(['customers:read']), otherKey: await host.apiKey(['events:read']) }
  }, 60_000)
  afterAll(() => host.close())

  const client = (caller: Caller) => (caller === 'owner' ? host.http : caller === 'readKey' || caller === 'otherKey' ? host.as({ apiKey: keys[caller] }) : host.as(caller))
  const matrix: Array<[method: 'get' | 'post', path: string, Record<Caller, number>]> = [
    ['get', '/api/p/tiering/distribution', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/funnel', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/customers/{customerId}', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/customers/{customerId}/explain', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/analytics/over-time?from=2026-01-01&to=2026-03-01', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/analytics/migration?from=2026-01-01&to=2026-03-01', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/analytics/rfm-grid', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['get', '/api/p/tiering/analytics/segments', { owner: 200, agent: 200, analyst: 200, anonymous: 401, readKey: 200, otherKey: 403 }],
    ['post', '/api/p/tiering/config/preview', { owner: 200, agent: 403, analyst: 403, anonymous: 401, readKey: 403, otherKey: 403 }],
    ['post', '/api/p/tiering/reevaluate', { owner: 200, agent: 403, analyst: 403, anonymous: 401, readKey: 403, otherKey: 403 }],
  ]
  const cases = matrix.flatMap(([method, path, expected]) => (Object.entries(expected) as Array<[Caller, number]>).map(([caller, status]) => [method, path, caller, status] as const))

  it.each(cases)('%s %s as %s answers %i', async (method, path, caller, status) => {
    const c = client(caller)
    const url = path.replace('{customerId}', customerId)
    const res = method === 'get' ? await c.get(url) : await c.post(url, {})
    expect(res.status).toBe(status)
  })
})
