import type { Database, Queryable } from '@rapport/db'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createGroupCommit } from '../src/events/group-commit.js'
import { lockProfilesByExternalId } from '../src/profile/lock-profile.js'
import { validateEvent, type ValidEvent } from '../src/events/validate-event.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

const order = (id: string, customer = 'crm-1') => ({
  id, type: 'order.completed', customerExternalId: customer, orderId: `SO-${id}`, amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z',
})
const valid = (id: string, customer?: string): ValidEvent => {
  const check = validateEvent(order(id, customer))
  if (!check.ok) throw new Error('invalid fixture')
  return check.event
}

/** A database whose transactions are counted, and which fails any statement that binds `poison`. */
function instrumented(db: Database) {
  const counts = { tx: 0 }
  const poisoned = (q: Queryable): Queryable => ({
    dialect: q.dialect,
    all: (sql, params) => (params?.includes('poison') ? Promise.reject(new Error('disk on fire')) : q.all(sql, params)),
    get: (sql, params) => (params?.includes('poison') ? Promise.reject(new Error('disk on fire')) : q.get(sql, params)),
    run: (sql, params) => q.run(sql, params),
    exec: (sql) => q.exec(sql),
  })
  const wrapped: Database = Object.assign(Object.create(db) as Database, {
    tx: <T>(fn: (tx: Queryable) => Promise<T>) => { counts.tx++; return db.tx((tx) => fn(poisoned(tx))) },
  })
  return { db: wrapped, counts }
}

describe.each(dialects)('group commit of concurrent ingest requests on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  it('answers concurrent single-event requests one by one, each id stored once', async () => {
    await t.cookieFor('owner')
    const ids = Array.from({ length: 40 }, (_, i) => `o-${i % 30}`) // ten ids sent twice, concurrently
    const answers = await Promise.all(ids.map((id, i) => t.request('POST', '/api/v1/events', { body: { events: [order(id, `crm-${i % 7}`)] } }).then(json)))
    const statuses = answers.map((a) => a.results[0].status as string)
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(30)
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(10)
    const byId = new Map<string, Set<string>>()
    for (const a of answers) byId.set(a.results[0].id, (byId.get(a.results[0].id) ?? new Set()).add(a.results[0].eventId))
    for (const eventIds of byId.values()) expect(eventIds.size).toBe(1)
    const page = await json(await t.request('GET', '/api/v1/events?limit=200'))
    expect(page.items).toHaveLength(30)
  })

  it('writes batches that arrive together in one transaction', async () => {
    const { db, counts } = instrumented(t.db)
    const write = createGroupCommit({ ...t.services, db })
    const fromKey = (id: string) => ({ source: 'api' as const, actor: { type: 'apiKey' as const, id } })
    const outcomes = await Promise.all([write([valid('a')], fromKey('key_1')), write([valid('b'), valid('c')], fromKey('key_2')), write([valid('a')], fromKey('key_3'))])
    expect(counts.tx).toBe(1)
    expect(outcomes.map((o) => o.map((x) => x.status))).toEqual([['accepted'], ['accepted', 'accepted'], ['duplicate']])
    // One transaction, but each event records the actor of the batch it came in.
    const stored = (await json(await t.request('GET', '/api/v1/events'))).items as Array<{ payload: { orderId: string }; actor: unknown }>
    expect(Object.fromEntries(stored.map((e) => [e.payload.orderId, e.actor]))).toEqual({
      'SO-a': { type: 'apiKey', id: 'key_1' }, 'SO-b': { type: 'apiKey', id: 'key_2' }, 'SO-c': { type: 'apiKey', id: 'key_2' },
    })
  })

  it('keeps a failing batch from failing the others it was grouped with', async () => {
    const { db, counts } = instrumented(t.db)
    const write = createGroupCommit({ ...t.services, db })
    const api = { source: 'api' as const, actor: { type: 'apiKey' as const, id: 'key_1' } }
    const settled = await Promise.allSettled([write([valid('a')], api), write([valid('poison')], api), write([valid('b')], api)])
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('disk on fire')
    expect(counts.tx).toBe(4) // the group, then each batch alone
    const page = await json(await t.request('GET', '/api/v1/events'))
    expect(page.items.map((e: Json) => e.payload.orderId).sort()).toEqual(['SO-a', 'SO-b'])
  })

  // Only a PostgreSQL server runs several groups at once: SQLite and PGlite have one writer, and there a
  // held transaction holds every write. So the test exists for PostgreSQL only (not a skipped test elsewhere).
  if (dialect === 'postgres') it('writes the batches it can at once and a customer another transaction holds in a later group', async () => {
    const write = createGroupCommit(t.services)
    const api = { source: 'api' as const, actor: { type: 'apiKey' as const, id: 'key_1' } }
    await Promise.all([write([valid('held-1', 'crm-held')], api), write([valid('free-1', 'crm-free')], api)])
    let release!: () => void
    const released = new Promise<void>((resolve) => { release = resolve })
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => { locked = resolve })
    const holder = t.db.tx(async (tx) => {
      await lockProfilesByExternalId(tx, ['crm-held'])
      locked()
      await released
    })
    await isLocked
    // Sent together, so one group would take both; the free customer's order must not wait for the held one.
    const held = write([valid('held-2', 'crm-held')], api)
    const free = await write([valid('free-2', 'crm-free')], api)
    expect(free.map((o) => o.status)).toEqual(['accepted'])
    release()
    await holder
    expect((await held).map((o) => o.status)).toEqual(['accepted'])
  })
})

// One writer (SQLite, PGlite): a group waits for it. PostgreSQL's pool runs several groups at once instead (concurrent-group-commit.ts).
describe.each(dialects.filter((d) => d !== 'postgres'))('group commit behind another writer on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  it('takes the batches that arrived while it waited for the writer into the same transaction', async () => {
    const { db, counts } = instrumented(t.db)
    const write = createGroupCommit({ ...t.services, db })
    const api = { source: 'api' as const, actor: { type: 'apiKey' as const, id: 'key_1' } }
    let release!: () => void
    let started!: () => void
    const busy = t.db.tx(() => new Promise<void>((resolve) => { started(); release = resolve }))
    await new Promise<void>((resolve) => { started = resolve })
    const first = write([valid('a')], api)
    // The group of `first` has started and waits for the writer while two more batches arrive.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
    const later = [write([valid('b')], api), write([valid('c')], api)]
    release()
    await busy
    const outcomes = await Promise.all([first, ...later])
    expect(outcomes.map((o) => o.map((x) => x.status))).toEqual([['accepted'], ['accepted'], ['accepted']])
    expect(counts.tx).toBe(1)
  })
})
