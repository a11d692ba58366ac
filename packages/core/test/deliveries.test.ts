import { Writable } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../src/crypto/tokens.js'
import { createDeliveryWorker, type DeliveryWorker } from '../src/deliveries/delivery-worker.js'
import { deliveryBackoff, MAX_BACKOFF_MS } from '../src/deliveries/delivery-backoff.js'
import { enqueueDeliveries } from '../src/deliveries/enqueue-deliveries.js'
import { appendEvent, type StoredEvent } from '../src/events/event-log.js'
import { createLogger } from '../src/logger.js'
import type { RapportEvent, SubscriberContext } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { adminClient, runtimeOf, type FixturePlugin } from './fixtures/fixture-runtime.js'

type Handler = (event: RapportEvent, sub: SubscriberContext) => Promise<void> | void
const afterCommit = (id: string, handler: Handler, { type = 'order.completed', maxAttempts }: { type?: string; maxAttempts?: number } = {}) =>
  ({ type, handler, options: { id, phase: 'afterCommit' as const, ...(maxAttempts === undefined ? {} : { maxAttempts }) } })
const fixedBackoff = (attempt: number) => 1000 * 2 ** (attempt - 1)

describe.each(dialects)('after-commit deliveries on %s', (dialect) => {
  let t: TestApp
  let call: ReturnType<typeof adminClient>
  const workers: DeliveryWorker[] = []
  const worker = (options: Parameters<typeof createDeliveryWorker>[1] = {}) => {
    const w = createDeliveryWorker(t.services, { backoff: fixedBackoff, ...options })
    workers.push(w)
    return w
  }
  const use = (...plugins: FixturePlugin[]) => { t.services.runtime = runtimeOf(plugins) }
  /** What the event bus does: append, then queue deliveries, in one transaction. */
  const emit = (type = 'order.completed', payload: Record<string, unknown> = { orderId: 'o-1', email: 'lin@example.com' }): Promise<StoredEvent> =>
    t.db.tx(async (tx) => {
      const { event } = await appendEvent(tx, { type, customerId: null, payload, occurredAt: t.services.now().toISOString(), idempotencyKey: newId('key'), source: 'api', actor: { type: 'apiKey', id: 'key_shop' } }, t.services.now())
      await enqueueDeliveries(t.services, tx, event)
      return event
    })
  const rows = () => t.db.all<{ id: string; subscriber: string; state: string; attempts: number; next_attempt_at: string; last_error: string | null; done_at: string | null }>(
    'SELECT * FROM core_deliveries ORDER BY subscriber, created_at, id')

  beforeAll(async () => {
    t = await createTestApp(dialect)
    call = adminClient(t)
  }, 60_000)
  beforeEach(async () => { await t.reset() })
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()))
  })
  afterAll(async () => { await t.close() })

  it('queues one delivery per after-commit subscriber of the type and delivers it once, outside the transaction', async () => {
    const seen: Array<{ event: RapportEvent; sub: SubscriberContext }> = []
    use({
      name: 'mailer',
      subscriptions: [
        afterCommit('receipt', (event, sub) => { seen.push({ event, sub }) }),
        afterCommit('profile-sync', () => undefined, { type: 'customer.updated' }),
        { type: 'order.completed', handler: () => undefined, options: { id: 'in-tx', phase: 'inTransaction' } },
      ],
    })
    const event = await emit()
    await t.db.tx((tx) => enqueueDeliveries(t.services, tx, event)) // a repeat queues nothing new
    expect((await rows()).map((r) => [r.subscriber, r.state])).toEqual([['mailer:receipt', 'pending']])

    const w = worker()
    expect(await w.runOnce()).toBe(1)
    expect(await w.runOnce()).toBe(0)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.event).toMatchObject({ id: event.id, seq: event.seq, type: 'order.completed', payload: { orderId: 'o-1' } })
    expect(seen[0]!.sub).toEqual({ tx: t.db, depth: 0 })
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 1, done_at: t.services.now().toISOString(), last_error: null }])
  })

  it('retries a failing subscriber with backoff until it succeeds', async () => {
    let calls = 0
    use({ name: 'mailer', subscriptions: [afterCommit('flaky', () => { calls += 1; if (calls <= 2) throw new Error(`SMTP busy (${calls})`) })] })
    await emit()
    const start = t.services.now().getTime()
    const w = worker()

    expect(await w.runOnce()).toBe(1)
    expect(await rows()).toMatchObject([{ state: 'pending', attempts: 1, last_error: 'SMTP busy (1)', next_attempt_at: new Date(start + 1000).toISOString() }])
    expect(await w.runOnce()).toBe(0) // not due yet
    t.advance(1000)
    expect(await w.runOnce()).toBe(1)
    expect(await rows()).toMatchObject([{ state: 'pending', attempts: 2, next_attempt_at: new Date(start + 3000).toISOString() }])
    t.advance(1999)
    expect(await w.runOnce()).toBe(0)
    t.advance(1)
    expect(await w.runOnce()).toBe(1)
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 3, last_error: null }])
    expect(calls).toBe(3)
  })

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect([1, 2, 3, 4].map((a) => deliveryBackoff(a, () => 0.5))).toEqual([1000, 2000, 4000, 8000])
    expect(deliveryBackoff(30, () => 0.5)).toBe(MAX_BACKOFF_MS)
    for (let i = 0; i < 50; i += 1) {
      const wait = deliveryBackoff(3)
      expect(wait).toBeGreaterThanOrEqual(3200)
      expect(wait).toBeLessThanOrEqual(4800)
    }
  })

  it('marks a delivery dead after its max attempts; the API lists it and a retry re-queues it', async () => {
    let healthy = false
    use({ name: 'mailer', subscriptions: [afterCommit('broken', () => { if (!healthy) throw new Error('SMTP refused') }, { maxAttempts: 3 })] })
    await emit()
    const w = worker()
    for (let i = 0; i < 5; i += 1) {
      await w.runOnce()
      t.advance(10 * 60_000)
    }
    const [dead] = await rows()
    expect(dead).toMatchObject({ state: 'dead', attempts: 3, last_error: 'SMTP refused' })

    const res = await call('GET', '/api/v1/deliveries?state=dead')
    expect(res.status).toBe(200)
    const page = await json(res)
    expect(page).toMatchObject({ items: [{ id: dead!.id, subscriber: 'mailer:broken', state: 'dead', attempts: 3, maxAttempts: 3, lastError: 'SMTP refused' }], nextCursor: null })
    expect(JSON.stringify(page)).not.toContain('lin@example.com')
    expect((await json(await call('GET', '/api/v1/deliveries?state=pending'))).items).toEqual([])

    const retried = await call('POST', `/api/v1/deliveries/${dead!.id}/retry`)
    expect(retried.status).toBe(200)
    expect(await json(retried)).toMatchObject({ id: dead!.id, state: 'pending', attempts: 0, nextAttemptAt: t.services.now().toISOString() })
    expect(await t.db.get("SELECT action, target_id FROM core_audit_log WHERE action = 'delivery.retried'")).toEqual({ action: 'delivery.retried', target_id: dead!.id })

    healthy = true
    expect(await w.runOnce()).toBe(1)
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 1 }])
    const again = await call('POST', `/api/v1/deliveries/${dead!.id}/retry`)
    expect(again.status).toBe(409)
    expect((await json(again)).error).toMatchObject({ code: 'DELIVERY_NOT_RETRYABLE', details: { deliveryId: dead!.id, state: 'done' } })
    const unknown = await call('POST', '/api/v1/deliveries/dlv_nope/retry')
    expect(unknown.status).toBe(404)
    expect((await json(unknown)).error.code).toBe('DELIVERY_NOT_FOUND')
  })

  it('keeps a done delivery listed for the retention period, then deletes it; failing and dead ones stay', async () => {
    use({ name: 'mailer', subscriptions: [afterCommit('receipt', () => undefined), afterCommit('broken', () => { throw new Error('SMTP refused') }, { maxAttempts: 1 })] })
    await emit()
    const w = worker({ retentionMs: 24 * 3600_000, pruneEveryMs: 3600_000 })
    await w.runOnce()
    // The table itself: an admin session would expire over the day the clock moves.
    const listed = async () => (await rows()).map((d) => `${d.subscriber} ${d.state}`)
    expect(await listed()).toEqual(['mailer:broken dead', 'mailer:receipt done'])
    t.advance(23 * 3600_000)
    await w.runOnce()
    expect(await listed()).toEqual(['mailer:broken dead', 'mailer:receipt done'])
    t.advance(2 * 3600_000)
    await w.runOnce()
    expect(await listed()).toEqual(['mailer:broken dead'])
  })

  it('refuses to retry a running delivery, and pages the list by subscriber', async () => {
    use({ name: 'mailer', subscriptions: [afterCommit('a', () => undefined), afterCommit('b', () => undefined)] })
    for (let i = 0; i < 3; i += 1) await emit()
    const first = (await rows())[0]!
    await t.db.run("UPDATE core_deliveries SET state = 'running', claimed_by = 'w', claimed_until = ? WHERE id = ?", ['2099-01-01T00:00:00.000Z', first.id])
    expect((await json(await call('POST', `/api/v1/deliveries/${first.id}/retry`))).error).toMatchObject({ code: 'DELIVERY_NOT_RETRYABLE', details: { state: 'running' } })

    const one = await json(await call('GET', '/api/v1/deliveries?subscriber=mailer:b&limit=2'))
    expect(one.items).toHaveLength(2)
    expect(one.nextCursor).toEqual(expect.any(String))
    const two = await json(await call('GET', `/api/v1/deliveries?subscriber=mailer:b&limit=2&cursor=${one.nextCursor}`))
    expect(two).toMatchObject({ nextCursor: null })
    expect(two.items).toHaveLength(1)
    const ids = [...one.items, ...two.items].map((d: { id: string }) => d.id)
    expect(new Set(ids).size).toBe(3)
    expect([...one.items, ...two.items].every((d: { subscriber: string }) => d.subscriber === 'mailer:b')).toBe(true)
    expect((await json(await call('GET', '/api/v1/deliveries?cursor=bm9wZQ'))).error.code).toBe('REQUEST_INVALID_CURSOR')
  })

  it('never delivers one (event, subscriber) twice with two workers on one database', async () => {
    const delivered: string[] = []
    const slow = async (event: RapportEvent) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4))
      delivered.push(`${event.id}`)
    }
    use({ name: 'mailer', subscriptions: [afterCommit('one', slow), afterCommit('two', slow)] })
    const events = []
    for (let i = 0; i < 25; i += 1) events.push(await emit())
    const a = worker({ workerId: 'a', batch: 7, concurrency: 3, pollMs: 5 })
    const b = worker({ workerId: 'b', batch: 7, concurrency: 3, pollMs: 5 })
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()])
    a.start()
    b.start()
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      const { n } = (await t.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_deliveries WHERE state = 'done'"))!
      if (Number(n) === 50) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await Promise.all([a.stop(), b.stop()])
    expect(delivered).toHaveLength(50)
    for (const event of events) expect(delivered.filter((id) => id === event.id)).toHaveLength(2)
    expect((await rows()).every((r) => r.state === 'done' && Number(r.attempts) === 1)).toBe(true)
  })

  it('fails an attempt whose subscriber hangs past the timeout, and retries it', async () => {
    let calls = 0
    use({ name: 'mailer', subscriptions: [afterCommit('hangs', () => { calls += 1; return calls === 1 ? new Promise<void>(() => undefined) : undefined })] })
    await emit()
    const w = worker({ handlerTimeoutMs: 50 })
    const started = Date.now()
    expect(await w.runOnce()).toBe(1)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await rows()).toMatchObject([{ state: 'pending', attempts: 1, last_error: 'The subscriber did not finish within 50 ms' }])
    t.advance(1000)
    expect(await w.runOnce()).toBe(1)
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 2 }])
  })

  it("retries a crashed worker's claim once it expires (at least once)", async () => {
    const seen: string[] = []
    use({ name: 'mailer', subscriptions: [afterCommit('receipt', (e) => { seen.push(e.id) })] })
    const event = await emit()
    const until = new Date(t.services.now().getTime() + 1000).toISOString()
    await t.db.run("UPDATE core_deliveries SET state = 'running', claimed_by = 'crashed', claimed_until = ?", [until])
    const w = worker()
    expect(await w.runOnce()).toBe(0)
    t.advance(1001)
    expect(await w.runOnce()).toBe(1)
    expect(seen).toEqual([event.id])
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 1 }])
  })

  it('leaves the deliveries of a disabled plugin pending without counting an attempt', async () => {
    const seen: string[] = []
    const mailer: FixturePlugin = { name: 'mailer', subscriptions: [afterCommit('receipt', (e) => { seen.push(e.id) })] }
    use(mailer)
    await emit()
    use() // disabled
    const w = worker()
    expect(await w.runOnce()).toBe(0)
    expect(await rows()).toMatchObject([{ state: 'pending', attempts: 0 }])
    use(mailer) // enabled again
    expect(await w.runOnce()).toBe(0) // looked at again a minute later
    t.advance(60_000)
    expect(await w.runOnce()).toBe(1)
    expect(seen).toHaveLength(1)
    expect(await rows()).toMatchObject([{ state: 'done', attempts: 1 }])
  })

  it('logs each failure with plugin, subscriber and event id, never the payload, and never stops the loop', async () => {
    const lines: string[] = []
    const log = t.services.log
    t.services.log = createLogger({ level: 'info', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done() } }) })
    try {
      use({ name: 'mailer', subscriptions: [afterCommit('broken', () => { throw new Error('mailbox full') }, { maxAttempts: 1 }), afterCommit('weird', () => { throw { email: 'lin@example.com' } })] })
      const event = await emit()
      const w = worker({ pollMs: 5 })
      w.start()
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline && lines.filter((l) => l.includes('delivery failed')).length < 2) await new Promise((resolve) => setTimeout(resolve, 10))
      await w.stop()
      const failures = lines.map((l) => JSON.parse(l)).filter((l) => String(l.msg).includes('delivery failed'))
      expect(failures).toEqual(expect.arrayContaining([
        expect.objectContaining({ plugin: 'mailer', subscriber: 'mailer:broken', eventId: event.id, state: 'dead', error: 'mailbox full' }),
        expect.objectContaining({ plugin: 'mailer', subscriber: 'mailer:weird', eventId: event.id, state: 'pending', error: 'The subscriber threw a value that is not an Error' }),
      ]))
      expect(lines.join('\n')).not.toContain('lin@example.com')
    } finally {
      t.services.log = log
    }
  })

  it('lets only admins read and retry deliveries', async () => {
    expect((await call('GET', '/api/v1/deliveries', 'owner')).status).toBe(200)
    const agent = await call('GET', '/api/v1/deliveries', 'agent')
    expect(agent.status).toBe(403)
    expect((await json(agent)).error.code).toBe('AUTH_FORBIDDEN')
    expect((await call('GET', '/api/v1/deliveries', 'analyst')).status).toBe(403)
    const anonymous = await call('GET', '/api/v1/deliveries', 'anonymous')
    expect(anonymous.status).toBe(401)
    expect((await json(anonymous)).error.code).toBe('AUTH_REQUIRED')
    expect((await call('POST', '/api/v1/deliveries/dlv_x/retry', 'agent')).status).toBe(403)
    expect((await call('POST', '/api/v1/deliveries/dlv_x/retry', 'anonymous')).status).toBe(401)
  })
})
