/**
 * Orders for the same customers sent at once to three `rapport start` processes on one
 * PostgreSQL database lose nothing: each process writes several group transactions at once, and
 * the processes write the same customers side by side. Every order is counted once by a scoring
 * rule and once by an in-transaction subscriber (both read-modify-write the profile), and batches
 * that name the same customers in opposite orders do not deadlock each other into failures.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshPostgresDatabase, type PostgresDatabase } from '../support/postgres-database.js'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'

const ORIGIN = 'https://rapport.lb.test'
const OWNER = { email: 'owner@orders.test', password: 'a-long-owner-password' }
const tally = fileURLToPath(new URL('./fixtures/order-tally', import.meta.url))
const CUSTOMERS = ['tally-a', 'tally-b', 'tally-c', 'tally-d']
const ROUNDS = 30

type Json = Record<string, any>

describe('concurrent orders for the same customers on three processes', () => {
  let pg: PostgresDatabase
  const servers: ServerProcess[] = []
  let auth: Record<string, string>

  const send = async (i: number, method: string, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${servers[i % servers.length]!.url}${path}`, {
      method, headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as Json }
  }

  beforeAll(async () => {
    pg = await freshPostgresDatabase('rapport_orders')
    const env = tempEnv({ DATABASE_URL: pg.url, RAPPORT_TRUSTED_ORIGINS: ORIGIN, RAPPORT_PLUGINS: tally })
    servers.push(await startServerProcess(env))
    servers.push(...(await Promise.all([1, 2].map(() => startServerProcess(env)))))
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    const login = await send(0, 'POST', '/api/v1/auth/login', { body: OWNER })
    expect(login.status).toBe(200)
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!
    const key = await send(0, 'POST', '/api/v1/api-keys', { headers: { cookie }, body: { name: 'shop', scopes: ['events:write', 'customers:read'] } })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    auth = { authorization: `Bearer ${key.body.key}` }
  }, 180_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')))
    await pg?.drop()
  })

  it('counts every order once in the rule and once in the subscriber', async () => {
    const order = (customer: string, n: number) => ({
      id: `${customer}-${n}`, type: 'order.completed', customerExternalId: customer, orderId: `${customer}-${n}`,
      amountMinor: 100 + n, currency: 'CNY', occurredAt: `2026-06-01T10:${String(n % 60).padStart(2, '0')}:00Z`,
    })
    // Each round: one order per customer alone, and a batch of two customers in one order or the other.
    const requests: unknown[][] = []
    for (let n = 0; n < ROUNDS; n += 1) {
      const [a, b, c, d] = CUSTOMERS.map((x) => order(x, n))
      requests.push([a], [b], n % 2 === 0 ? [c, d] : [d, c])
    }
    // Round n's requests go to processes n, n + 1 and n + 2: every customer's orders reach all three.
    const answers = await Promise.all(requests.map((events, i) => send(i + Math.floor(i / 3), 'POST', '/api/v1/events', { headers: auth, body: { events } })))
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200))
    expect(answers.flatMap((a) => a.body.results.map((r: Json) => r.status)).filter((s: string) => s !== 'accepted')).toEqual([])
    const spend = Array.from({ length: ROUNDS }, (_, n) => 100 + n).reduce((x, y) => x + y, 0)
    for (const externalId of CUSTOMERS) {
      const found = await send(1, 'GET', `/api/v1/customers?externalId=${externalId}`, { headers: auth })
      const customer = await send(2, 'GET', `/api/v1/customers/${found.body.items[0].id}`, { headers: auth })
      expect(customer.body.profile.tally, externalId).toEqual({ orders: ROUNDS, spend, seen: ROUNDS })
    }
  })
})
