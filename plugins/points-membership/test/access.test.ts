import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, memberWith } from './points-client.js'

type Who = 'anonymous' | 'analyst' | 'agent' | 'admin' | 'owner' | 'readKey' | 'writeKey' | 'tillKey'
const everyone: Who[] = ['anonymous', 'analyst', 'agent', 'admin', 'owner', 'readKey', 'writeKey', 'tillKey']

/** Route → who may call it (any answer but 401/403); everyone else gets 401 (anonymous) or 403. */
const matrix: Array<[string, 'get' | 'post' | 'patch' | 'put', (id: string, n: number) => string, (n: number) => unknown, Who[]]> = [
  ['enrol', 'post', () => '/members', () => undefined, ['agent', 'admin', 'owner', 'writeKey']],
  ['member', 'get', (id) => `/members/${id}`, () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['spend', 'post', (id) => `/members/${id}/spends`, (n) => ({ points: 1, idempotencyKey: `a-${n}` }), ['agent', 'admin', 'owner', 'writeKey']],
  ['adjust', 'post', (id) => `/members/${id}/adjustments`, () => ({ points: 1, reason: 'access test' }), ['admin', 'owner']],
  ['preview', 'post', () => '/preview', () => ({ amountMinor: 100, currency: 'CNY' }), ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['status', 'patch', (id) => `/members/${id}`, () => ({ status: 'active' }), ['admin', 'owner']],
  ['list rewards', 'get', () => '/rewards', () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['add a reward', 'post', () => '/rewards', (n) => ({ id: `r-${n}`, name: 'Cup', costPoints: 1 }), ['admin', 'owner']],
  ['change a reward', 'patch', () => '/rewards/acc', () => ({ stock: null }), ['admin', 'owner']],
  ['redeem', 'post', (id) => `/members/${id}/redemptions`, (n) => ({ rewardId: 'acc', idempotencyKey: `r-${n}` }), ['agent', 'admin', 'owner', 'writeKey']],
  ['use a voucher', 'post', () => '/voucher-uses', () => ({ code: 'NONE-NONE-NONE' }), ['agent', 'admin', 'owner', 'writeKey']],
  ['void a voucher', 'post', () => '/voucher-voids', () => ({ code: 'NONE-NONE-NONE', reason: 'access test' }), ['agent', 'admin', 'owner', 'writeKey']],
  ['look a voucher up at the till', 'get', () => '/vouchers/NONE-NONE-NONE', () => undefined, ['analyst', 'agent', 'admin', 'owner', 'tillKey']],
  ['use a voucher at the till', 'post', () => '/vouchers/NONE-NONE-NONE/uses', (n) => ({ idempotencyKey: `t-${n}`, orderReference: 'POS-1' }), ['agent', 'admin', 'owner', 'tillKey']],
  ['undo a use at the till', 'post', () => '/vouchers/NONE-NONE-NONE/use-undos', (n) => ({ idempotencyKey: `t-${n}` }), ['agent', 'admin', 'owner', 'tillKey']],
  ['verify', 'get', () => '/verify', () => undefined, ['admin', 'owner']],
  ['liability', 'get', () => '/reports/liability', () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['earn and burn', 'get', () => '/reports/earn-burn', () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['list campaigns', 'get', () => '/campaigns', () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
  ['add a campaign', 'post', () => '/campaigns', () => ({ name: 'C', kind: 'bonus', bonusPoints: 1, startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' }), ['admin', 'owner']],
  ['change a campaign', 'put', () => '/campaigns/pcm_none', () => ({ name: 'C', kind: 'bonus', bonusPoints: 1, startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' }), ['admin', 'owner']],
  ['preview a campaign', 'post', () => '/campaigns/impact', () => ({ days: 1 }), ['admin', 'owner']],
  ['statement', 'get', (id) => `/members/${id}/statement`, () => undefined, ['analyst', 'agent', 'admin', 'owner', 'readKey']],
]

describe.each(dialects)('who may call each route on %s', (dialect) => {
  let host: TestHost
  let id: string
  let keys: Record<'readKey' | 'writeKey' | 'tillKey', string>
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect })
    id = await memberWith(host, 1_000)
    await host.http.post(`${base}/rewards`, { id: 'acc', name: 'Access cup', costPoints: 1 })
    keys = { readKey: await host.apiKey(['customers:read']), writeKey: await host.apiKey(['customers:write']), tillKey: await host.apiKey(['vouchers:use']) }
  }, 60_000)
  afterAll(() => host.close())

  let n = 0
  it.each(matrix)('%s', async (_name, method, path, body, allowed) => {
    for (const who of everyone) {
      n += 1
      const client = host.as(who === 'readKey' || who === 'writeKey' || who === 'tillKey' ? { apiKey: keys[who] } : who)
      const payload = path === matrix[0]![2] ? { customerId: id } : body(n)
      const url = `${base}${path(id, n)}`
      const res = method === 'get' ? await client.get(url) : method === 'patch' ? await client.patch(url, payload) : method === 'put' ? await client.put(url, payload) : await client.post(url, payload)
      const expected = allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403
      expect(expected === 'allowed' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected, `${who}: ${res.status}`).toBe(true)
    }
  })
})
