/**
 * `rapport migrate-to-postgres`: a SQLite installation with demo customers and plugin data
 * (orders through every plugin, a survey) moves to an empty PostgreSQL database; a server on
 * PostgreSQL then answers like the SQLite one did. A non-empty target, a missing --to and a
 * source that is not SQLite are refused with a coded message and exit 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsSurvey } from '../support/full-app.js'
import { freshPostgresDatabase, type PostgresDatabase } from '../support/postgres-database.js'
import { runCli, startServerProcess, tempEnv, type CliEnv } from '../support/rapport-process.js'

const DEMO_OWNER = { email: 'admin@example.com', password: 'rapport-demo' }

type Session = { url: string; cookie: string }

async function signIn(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(DEMO_OWNER) })
  expect(res.status).toBe(200)
  return { url, cookie: res.headers.get('set-cookie')!.split(';')[0]! }
}

async function call(s: Session, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${s.url}${path}`, {
    method, headers: { origin: s.url, cookie: s.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

/** Waits until no after-commit delivery is pending or running. */
async function settled(s: Session): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const [pending, running] = await Promise.all(['pending', 'running'].map((state) => call(s, 'GET', `/api/v1/deliveries?state=${state}&limit=1`)))
    if (pending!.body.items.length === 0 && running!.body.items.length === 0) return
    if (Date.now() > deadline) throw new Error('after-commit deliveries did not settle')
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** What the test compares on both servers: the customers list, one customer with its profile, the points check. */
async function answers(s: Session, customerId: string) {
  const list = await call(s, 'GET', '/api/v1/customers?limit=50')
  const one = await call(s, 'GET', `/api/v1/customers/${customerId}`)
  const verify = await call(s, 'GET', '/api/p/points-membership/verify')
  const surveys = await call(s, 'GET', '/api/p/satisfaction-survey/surveys')
  expect([list.status, one.status, verify.status, surveys.status]).toEqual([200, 200, 200, 200])
  return { list: list.body, one: one.body, verify: verify.body, surveys: surveys.body }
}

describe('rapport migrate-to-postgres', () => {
  let pg: PostgresDatabase
  let sqliteEnv: CliEnv
  let before: Awaited<ReturnType<typeof answers>>
  let customerId: string

  beforeAll(async () => {
    pg = await freshPostgresDatabase('rapport_migrate')
    sqliteEnv = tempEnv({ LOG_LEVEL: 'warn' })
    const seeded = await runCli(['seed-demo', '--customers', '200'], sqliteEnv)
    expect(seeded.code, seeded.stderr).toBe(0)
    // Plugin data too: orders through the running plugins (points, tiering, churn risk) and a survey.
    const server = await startServerProcess(sqliteEnv)
    try {
      const s = await signIn(server.url)
      const key = await call(s, 'POST', '/api/v1/api-keys', { name: 'shop', scopes: ['events:write'] })
      const events = Array.from({ length: 40 }, (_, i) => ({
        id: `mig-order-${i}`, type: 'order.completed', customerExternalId: `mig-c${i % 8}`, orderId: `mig-order-${i}`,
        amountMinor: 5_000 + i * 100, currency: 'CNY', occurredAt: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      }))
      const ingest = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key.body.key}` }, body: JSON.stringify({ events }) })
      expect(ingest.status).toBe(200)
      const survey = await call(s, 'POST', '/api/p/satisfaction-survey/surveys', { name: 'After visit', json: npsSurvey, publicLink: { enabled: true } })
      expect(survey.status).toBe(201)
      expect((await call(s, 'POST', `/api/p/satisfaction-survey/surveys/${survey.body.id}/versions`)).status).toBe(201)
      // The after-commit side effects of those orders (tiering re-evaluates RFM, churn risk) must
      // be done before the snapshot: they keep writing after the ingest answered.
      await settled(s)
      const list = await call(s, 'GET', '/api/v1/customers?limit=50')
      customerId = list.body.items.find((c: { externalId: string }) => c.externalId === 'mig-c3').id
      before = await answers(s, customerId)
      expect(before.verify.members).toBeGreaterThan(0)
    } finally {
      await server.kill('SIGTERM')
    }
  }, 120_000)

  afterAll(async () => { await pg?.drop() })

  it('refuses without --to, with a target that is not PostgreSQL, and from a source that is not SQLite', async () => {
    const noTarget = await runCli(['migrate-to-postgres'], sqliteEnv)
    expect([noTarget.code, noTarget.stderr]).toEqual([1, expect.stringContaining('MIGRATE_TARGET_REQUIRED')])
    const notPg = await runCli(['migrate-to-postgres', '--to', 'pglite://memory'], sqliteEnv)
    expect([notPg.code, notPg.stderr]).toEqual([1, expect.stringContaining('MIGRATE_TARGET_NOT_POSTGRES')])
    const fromPg = await runCli(['migrate-to-postgres', '--to', pg.url], { ...sqliteEnv, DATABASE_URL: pg.url })
    expect([fromPg.code, fromPg.stderr]).toEqual([1, expect.stringContaining('MIGRATE_SOURCE_NOT_SQLITE')])
  })

  it('copies every table, verifies each, and a server on PostgreSQL answers as the SQLite one did', async () => {
    const run = await runCli(['migrate-to-postgres', '--to', pg.url], sqliteEnv)
    expect(run.code, run.stderr + run.stdout).toBe(0)
    expect(run.stdout).toMatch(/core_customers\s+208 rows\s+ok/)
    expect(run.stdout).toMatch(/points_ledger\s+[1-9]\d* rows\s+ok/)
    expect(run.stdout).toMatch(/core_audit_log\s+[1-9]\d* rows\s+ok/)
    expect(run.stdout).not.toContain('MISMATCH')
    expect(run.stdout).toMatch(/Done: \d+ tables copied and verified/)

    const server = await startServerProcess({ ...sqliteEnv, DATABASE_URL: pg.url })
    try {
      const s = await signIn(server.url)
      const after = await answers(s, customerId)
      expect(after.list).toEqual(before.list)
      expect(after.one).toEqual(before.one)
      expect(after.verify).toEqual(before.verify)
      expect(after.surveys).toEqual(before.surveys)
      // The sequences moved past the copied rows: a new audit entry (serial seq) does not collide with a copied one.
      const created = await call(s, 'POST', '/api/v1/customers', { externalId: 'after-migration' })
      expect(created.status).toBe(201)
    } finally {
      await server.kill('SIGTERM')
    }
  })

  it('refuses a target that already holds data, with a coded error and exit 1', async () => {
    const again = await runCli(['migrate-to-postgres', '--to', pg.url], sqliteEnv)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('MIGRATE_TARGET_NOT_EMPTY')
  })
})
