/**
 * Three real `rapport start` processes on one PostgreSQL database, as behind a load balancer
 * (one public origin, no sticky sessions), behave as one: a session made on one works on the
 * others and ends everywhere; the sign-in throttle and the survey public-link limit count across
 * processes; the same event sent to all three at once is stored once; each scheduled job slot
 * runs once; each after-commit side effect reaches its receiver once per subscriber.
 */
import { once } from 'node:events'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { openDatabase, type Database } from '@rapport/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsSurvey } from '../support/full-app.js'
import { freshPostgresDatabase, type PostgresDatabase } from '../support/postgres-database.js'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'

const ORIGIN = 'https://rapport.lb.test'
const OWNER = { email: 'owner@scale.test', password: 'a-long-owner-password' }
const probe = fileURLToPath(new URL('./fixtures/scale-probe', import.meta.url))

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any }
type Hit = { kind: 'delivery'; subscriber: string; eventId: string; pid: number } | { kind: 'job'; runId: string; pid: number }

describe('three API processes on one PostgreSQL database', () => {
  let pg: PostgresDatabase
  let db: Database
  let receiver: Server
  const hits: Hit[] = []
  const servers: ServerProcess[] = []
  const ports: number[] = []
  let cookie: string

  /** One request to process `i` (0–2), optionally from another loopback address (a different client). */
  function send(i: number, method: string, path: string, { from = '127.0.0.1', body, headers = {} }: { from?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const req = httpRequest({
        host: '127.0.0.1', port: ports[i % ports.length], method, path, localAddress: from,
        headers: { origin: ORIGIN, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try { parsed = JSON.parse(text) } catch { /* not JSON */ }
          resolve({ status: res.statusCode!, headers: res.headers, body: parsed })
        })
      })
      req.on('error', reject)
      req.setTimeout(20_000, () => req.destroy(new Error(`no answer: ${method} ${path}`)))
      req.end(payload)
    })
  }

  async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  beforeAll(async () => {
    pg = await freshPostgresDatabase('rapport_scale')
    receiver = createServer((req, res) => {
      let text = ''
      req.on('data', (d) => { text += d })
      req.on('end', () => {
        hits.push(JSON.parse(text) as Hit)
        res.writeHead(204).end()
      })
    })
    receiver.listen(0, '127.0.0.1')
    await once(receiver, 'listening')
    const env = tempEnv({
      DATABASE_URL: pg.url, RAPPORT_TRUSTED_ORIGINS: ORIGIN, RAPPORT_PLUGINS: probe,
      PROBE_RECEIVER_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hits`,
    })
    // All three boot at once on the empty database: migrations must apply once, not collide.
    servers.push(...(await Promise.all([0, 1, 2].map(() => startServerProcess(env)))))
    ports.push(...servers.map((s) => Number(new URL(s.url).port)))
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    db = await openDatabase(pg.url)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')))
    await db?.close()
    receiver?.close()
    await pg?.drop()
  })

  it('signs in on one process, is recognised by the others, and signs out everywhere', async () => {
    const login = await send(0, 'POST', '/api/v1/auth/login', { body: OWNER })
    expect(login.status, JSON.stringify(login.body)).toBe(200)
    cookie = String(login.headers['set-cookie']).split(';')[0]!
    for (const i of [1, 2]) expect((await send(i, 'GET', '/api/v1/auth/me', { headers: { cookie } })).body.user).toMatchObject({ email: OWNER.email, role: 'owner' })
    const other = String((await send(1, 'POST', '/api/v1/auth/login', { body: OWNER })).headers['set-cookie']).split(';')[0]!
    expect((await send(2, 'POST', '/api/v1/auth/logout', { headers: { cookie: other } })).status).toBe(204)
    for (const i of [0, 1, 2]) expect((await send(i, 'GET', '/api/v1/auth/me', { headers: { cookie: other } })).status).toBe(401)
  })

  it('counts sign-in failures across processes and keeps the lock on all of them', async () => {
    expect((await send(0, 'POST', '/api/v1/users', { headers: { cookie }, body: { email: 'agent@scale.test', name: 'Agent', role: 'agent', password: 'agent-password-1' } })).status).toBe(201)
    const wrong = { email: 'agent@scale.test', password: 'guess-0000' }
    // Five failures, one process after another: no single process saw more than two.
    const failures = []
    for (let i = 0; i < 5; i += 1) failures.push((await send(i, 'POST', '/api/v1/auth/login', { from: '127.0.0.2', body: wrong })).status)
    expect(failures).toEqual([401, 401, 401, 401, 401])
    for (const i of [0, 1, 2]) {
      const right = await send(i, 'POST', '/api/v1/auth/login', { from: '127.0.0.2', body: { email: 'agent@scale.test', password: 'agent-password-1' } })
      expect(right.status).toBe(429)
      expect(right.body.error.code).toBe('AUTH_THROTTLED')
    }
  })

  it('applies the survey public-link limit to the sum of requests on all processes', async () => {
    const created = await send(0, 'POST', '/api/p/satisfaction-survey/surveys', { headers: { cookie }, body: { name: 'Public NPS', json: npsSurvey, publicLink: { enabled: true } } })
    expect(created.status).toBe(201)
    const published = await send(1, 'POST', `/api/p/satisfaction-survey/surveys/${created.body.id}/versions`, { headers: { cookie } })
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const path = `/api/p/satisfaction-survey/public/${created.body.publicToken}`
    // The limit counts per minute: start early in a minute so the whole burst falls in one window.
    if (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000))
    const statuses: number[] = []
    for (let i = 0; i < 30; i += 1) statuses.push((await send(i, 'GET', path, { from: '127.0.0.4' })).status)
    // The default is 20 a minute per address: 20 served in total, not 20 per process.
    expect(statuses).toEqual([...Array(20).fill(200), ...Array(10).fill(429)])
    expect((await send(2, 'GET', path, { from: '127.0.0.5' })).status).toBe(200)
  })

  it('stores an event sent to all three processes at once exactly once', async () => {
    const key = await send(0, 'POST', '/api/v1/api-keys', { headers: { cookie }, body: { name: 'shop', scopes: ['events:write', 'events:read'] } })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    const auth = { authorization: `Bearer ${key.body.key}` }
    const event = { id: 'order-same-1', type: 'order.completed', customerExternalId: 'scale-c1', orderId: 'order-same-1', amountMinor: 9_900, currency: 'CNY', occurredAt: '2026-06-01T10:00:00Z' }
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i, 'POST', '/api/v1/events', { headers: auth, body: { events: [event] } })))
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200))
    const statuses = answers.map((a) => a.body.results[0].status)
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(11)
    expect(new Set(answers.map((a) => a.body.results[0].eventId)).size).toBe(1)
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_events WHERE type = 'order.completed' AND payload LIKE '%order-same-1%'"))?.n).toBe(1)
  })

  it('delivers each after-commit side effect once per subscriber, whichever process picks it up', async () => {
    const key = await send(0, 'POST', '/api/v1/api-keys', { headers: { cookie }, body: { name: 'shop-2', scopes: ['events:write'] } })
    const auth = { authorization: `Bearer ${key.body.key}` }
    const ids = Array.from({ length: 30 }, (_, i) => `order-fan-${i}`)
    const answers = await Promise.all(ids.map((id, i) => send(i, 'POST', '/api/v1/events', {
      headers: auth, body: { events: [{ id, type: 'order.completed', customerExternalId: `scale-c${i % 7}`, orderId: id, amountMinor: 1_000 + i, currency: 'CNY', occurredAt: '2026-06-01T10:00:00Z' }] },
    })))
    expect(answers.filter((a) => a.status !== 200 || a.body.results[0].status !== 'accepted').map((a) => a.body)).toEqual([])
    const eventIds = answers.map((a) => a.body.results[0].eventId as string)
    const delivered = () => hits.filter((h): h is Extract<Hit, { kind: 'delivery' }> => h.kind === 'delivery' && eventIds.includes(h.eventId))
    await until('60 deliveries', () => delivered().length >= 60)
    // Time for any second delivery (a lost claim, a double pick-up) to show up.
    await new Promise((r) => setTimeout(r, 1_500))
    const counts = new Map<string, number>()
    for (const h of delivered()) counts.set(`${h.subscriber}:${h.eventId}`, (counts.get(`${h.subscriber}:${h.eventId}`) ?? 0) + 1)
    expect(counts.size).toBe(60)
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([])
    const rows = await db.all<{ state: string; n: number }>("SELECT state, COUNT(*) AS n FROM core_deliveries WHERE subscriber IN ('scale-probe:hook-a', 'scale-probe:hook-b') GROUP BY state")
    expect(rows.filter((r) => r.state !== 'done')).toEqual([])
  })

  it('runs each scheduled slot of a job once across the three schedulers', async () => {
    await until('five job slots', async () => ((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_job_runs WHERE job = 'scale-probe:tick' AND outcome = 'succeeded'"))?.n ?? 0) >= 5)
    const perSlot = await db.all<{ scheduled_for: string; n: number }>(
      "SELECT scheduled_for, COUNT(*) AS n FROM core_job_runs WHERE job = 'scale-probe:tick' AND trigger = 'schedule' GROUP BY scheduled_for")
    expect(perSlot.length).toBeGreaterThanOrEqual(5)
    expect(perSlot.filter((slot) => Number(slot.n) !== 1)).toEqual([])
    const runs = await db.all<{ id: string; runner: string }>("SELECT id, runner FROM core_job_runs WHERE job = 'scale-probe:tick' AND outcome = 'succeeded'")
    // Each succeeded run reported once; no run reported twice.
    const reported = hits.filter((h): h is Extract<Hit, { kind: 'job' }> => h.kind === 'job').map((h) => h.runId)
    expect(new Set(reported).size).toBe(reported.length)
    for (const run of runs) expect(reported).toContain(run.id)
  })
})
