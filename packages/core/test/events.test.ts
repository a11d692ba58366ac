import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type As, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

const order = (id: string, extra: Json = {}): Json => ({
  id, type: 'order.completed', customerExternalId: 'crm-1', orderId: `SO-${id}`, amountMinor: 12900, currency: 'CNY', occurredAt: '2026-05-01T10:00:00+08:00', ...extra,
})

describe.each(dialects)('event ingestion on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const ingest = (events: unknown[], as: As = 'owner') =>
    t.request('POST', '/api/v1/events', { body: { events }, as })
  const allEvents = async (query = '') => (await json(await t.request('GET', `/api/v1/events?limit=200${query}`))).items as Json[]
  const customerByExternalId = async (externalId: string) =>
    (await json(await t.request('GET', `/api/v1/customers?externalId=${encodeURIComponent(externalId)}`))).items as Json[]

  it('answers a mixed batch item by item and stores only the good events, once', async () => {
    const earlier = await json(await ingest([order('o-0')]))
    expect(earlier.totals).toEqual({ accepted: 1, duplicates: 0, rejected: 0 })

    const batch = [order('o-1'), order('o-bad', { amountMinor: -5, currency: 'cny' }), order('o-0'), order('o-1'), { id: 'x-1', type: 'order.shipped' }, 'not an event']
    const res = await ingest(batch)
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.totals).toEqual({ accepted: 1, duplicates: 2, rejected: 3 })
    const [good, bad, dupEarlier, dupWithin, unknown, notObject] = body.results as Json[]
    expect(good).toEqual({ index: 0, id: 'o-1', status: 'accepted', eventId: expect.stringMatching(/^evt_/) })
    expect(bad).toMatchObject({ index: 1, id: 'o-bad', status: 'rejected' })
    expect(bad!.errors.map((e: Json) => e.path).sort()).toEqual(['amountMinor', 'currency'])
    expect(bad!.eventId).toBeUndefined()
    expect(dupEarlier).toEqual({ index: 2, id: 'o-0', status: 'duplicate', eventId: earlier.results[0].eventId })
    expect(dupWithin).toEqual({ index: 3, id: 'o-1', status: 'duplicate', eventId: good!.eventId })
    expect(unknown).toMatchObject({ index: 4, id: 'x-1', status: 'rejected', errors: [{ path: 'type', message: expect.stringContaining('order.shipped') }] })
    expect(notObject).toMatchObject({ index: 5, id: null, status: 'rejected', errors: [{ path: '', message: 'must be an object' }] })

    const stored = await allEvents()
    expect(stored.map((e) => e.id).sort()).toEqual([earlier.results[0].eventId, good!.eventId].sort())
    const [customer] = await customerByExternalId('crm-1')
    const owner = (await json(await t.request('GET', '/api/v1/auth/me'))).user
    expect(stored.find((e) => e.id === good!.eventId)).toEqual({
      id: good!.eventId, seq: expect.any(Number), type: 'order.completed', customerId: customer!.id, source: 'api', actor: { type: 'user', id: owner.id },
      payload: { orderId: 'SO-o-1', amountMinor: 12900, currency: 'CNY' },
      occurredAt: '2026-05-01T02:00:00.000Z', recordedAt: t.services.now().toISOString(),
    })
  })

  it('answers a resubmitted batch with duplicates only and stores nothing new', async () => {
    const batch = [order('o-1'), order('o-2', { customerExternalId: 'crm-2' }), order('o-3', { occurredAt: 'yesterday' })]
    const first = await json(await ingest(batch))
    expect(first.totals).toEqual({ accepted: 2, duplicates: 0, rejected: 1 })
    const again = await json(await ingest(batch))
    expect(again.totals).toEqual({ accepted: 0, duplicates: 2, rejected: 1 })
    expect(again.results.slice(0, 2).map((r: Json) => r.eventId)).toEqual(first.results.slice(0, 2).map((r: Json) => r.eventId))
    expect(await allEvents()).toHaveLength(2)
    expect((await json(await t.request('GET', '/api/v1/customers'))).items).toHaveLength(2)
  })

  it('creates unknown customers once and keeps items, channel and refunds', async () => {
    const items = [{ sku: 'TEA-1', name: '龙井', category: 'tea', quantity: 2, unitPriceMinor: 4500 }, { sku: 'CUP-1', quantity: 1, unitPriceMinor: 3900 }]
    const res = await json(await ingest([
      order('o-1', { customerExternalId: 'new-1', items, channel: 'wechat' }),
      order('o-2', { customerExternalId: 'new-1' }),
      { id: 'r-1', type: 'order.refunded', customerExternalId: 'new-1', orderId: 'SO-o-1', amountMinor: 3900, currency: 'CNY', occurredAt: '2026-05-02T09:30:00Z', reason: 'broken cup' },
      { id: 'r-2', type: 'order.refunded', customerExternalId: 'new-1', orderId: 'SO-o-1', amountMinor: 0, currency: 'CNY', occurredAt: '2026-05-02T09:30:00Z' },
    ]))
    expect(res.results.map((r: Json) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected'])
    expect(res.results[3].errors).toEqual([{ path: 'amountMinor', message: expect.any(String) }])
    const customers = await customerByExternalId('new-1')
    expect(customers).toHaveLength(1)
    expect(customers[0]).toMatchObject({ externalId: 'new-1', name: null, email: null })
    const events = await allEvents(`&customerId=${customers[0]!.id}`)
    expect(events.map((e) => e.type)).toEqual(['order.refunded', 'order.completed', 'order.completed'])
    expect(events[2]!.payload).toEqual({ orderId: 'SO-o-1', amountMinor: 12900, currency: 'CNY', items, channel: 'wechat' })
    expect(events[0]!.payload).toEqual({ orderId: 'SO-o-1', amountMinor: 3900, currency: 'CNY', reason: 'broken cup' })
  })

  it('applies customer.updated in the same batch, once, and keeps personal values out of the log', async () => {
    const update = (id: string, changes: Json) => ({ id, type: 'customer.updated', customerExternalId: 'crm-9', occurredAt: '2026-05-03T08:00:00+08:00', changes })
    const res = await json(await ingest([
      order('o-1', { customerExternalId: 'crm-9' }),
      update('u-1', { name: '王芳', email: 'wang.fang@example.cn', locale: 'zh-cn', attributes: { vip: true } }),
      update('u-2', {}),
      update('u-3', { email: 'not-an-email' }),
      update('u-4', { favourite: 'tea' }),
    ]))
    expect(res.results.map((r: Json) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected'])
    expect(res.results[3].errors[0].path).toBe('changes.email')
    let [customer] = await customerByExternalId('crm-9')
    expect(customer).toMatchObject({ name: '王芳', email: 'wang.fang@example.cn', locale: 'zh-CN', attributes: { vip: true } })

    const logged = (await allEvents('&type=customer.updated'))[0]!
    expect(logged.payload).toEqual({ fields: ['name', 'email', 'locale', 'attributes'] })
    expect(JSON.stringify(logged)).not.toContain('wang.fang')

    // A later update wins; replaying the earlier one is a duplicate and does not overwrite it.
    await ingest([update('u-5', { name: 'Fang Wang' })])
    const replay = await json(await ingest([update('u-1', { name: '王芳' })]))
    expect(replay.results[0]).toMatchObject({ status: 'duplicate', eventId: res.results[1].eventId })
    ;[customer] = await customerByExternalId('crm-9')
    expect(customer!.name).toBe('Fang Wang')
  })

  it('refuses a batch of 1001 events with 413 and stores nothing', async () => {
    const res = await ingest(Array.from({ length: 1001 }, (_, i) => order(`o-${i}`)))
    expect(res.status).toBe(413)
    expect((await json(res)).error).toMatchObject({ code: 'EVENT_BATCH_TOO_LARGE', details: { max: 1000, got: 1001 } })
    expect(await allEvents()).toHaveLength(0)
  })

  it('takes a full batch of 1000 in one request', async () => {
    const res = await json(await ingest(Array.from({ length: 1000 }, (_, i) => order(`o-${i}`, { customerExternalId: `crm-${i % 50}` }))))
    expect(res.totals).toEqual({ accepted: 1000, duplicates: 0, rejected: 0 })
    expect((await json(await t.request('GET', '/api/v1/customers?limit=100'))).items).toHaveLength(50)
  })

  it('refuses malformed JSON and bodies that are not { events: [...] } with 400', async () => {
    const malformed = await t.request('POST', '/api/v1/events', { rawBody: '{"events": [', headers: { 'content-type': 'application/json' } })
    expect(malformed.status).toBe(400)
    expect((await json(malformed)).error.code).toBe('REQUEST_MALFORMED_JSON')
    for (const body of [[order('o-1')], { events: 'o-1' }, { items: [order('o-1')] }, { events: [] }, 'events']) {
      const res = await t.request('POST', '/api/v1/events', { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await json(res)).error.code).toBe('REQUEST_INVALID')
    }
    const text = await t.request('POST', '/api/v1/events', { rawBody: 'a,b', headers: { 'content-type': 'text/csv' } })
    expect(text.status).toBe(415)
  })

  it('lets owners, admins and events:write keys ingest, nobody else', async () => {
    const batch = [order('o-1')]
    expect((await ingest(batch, 'anonymous')).status).toBe(401)
    expect((await ingest(batch, 'analyst')).status).toBe(403)
    expect((await ingest(batch, 'agent')).status).toBe(403)
    expect((await ingest(batch, { apiKey: await t.apiKey(['events:read', 'customers:write']) })).status).toBe(403)
    expect((await ingest(batch, { apiKey: await t.apiKey(['events:write']) })).status).toBe(200)
    expect((await ingest([order('o-2')], 'admin')).status).toBe(200)
    expect((await t.request('GET', '/api/v1/events', { as: 'anonymous' })).status).toBe(401)
    expect((await t.request('GET', '/api/v1/events', { as: { apiKey: await t.apiKey(['events:write']) } })).status).toBe(403)
    expect((await t.request('GET', '/api/v1/events', { as: { apiKey: await t.apiKey(['events:read']) } })).status).toBe(200)
    expect((await t.request('GET', '/api/v1/events', { as: 'analyst' })).status).toBe(200)
  })

  it('lists the log newest first, by type and customer, page by page', async () => {
    await ingest(Array.from({ length: 7 }, (_, i) => order(`o-${i}`, { customerExternalId: i % 2 ? 'odd' : 'even' })))
    await ingest([{ id: 'r-1', type: 'order.refunded', customerExternalId: 'odd', orderId: 'SO-o-1', amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-02T00:00:00Z' }])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Json = await json(await t.request('GET', `/api/v1/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`))
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((e: Json) => e.payload.orderId + (e.type === 'order.refunded' ? '/refund' : '')))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['SO-o-1/refund', 'SO-o-6', 'SO-o-5', 'SO-o-4', 'SO-o-3', 'SO-o-2', 'SO-o-1', 'SO-o-0'])

    const [odd] = await customerByExternalId('odd')
    const oddOrders = await allEvents(`&type=order.completed&customerId=${odd!.id}`)
    expect(oddOrders.map((e) => e.payload.orderId)).toEqual(['SO-o-5', 'SO-o-3', 'SO-o-1'])
    const refunds = await json(await t.request('GET', '/api/v1/events?type=order.refunded&limit=1'))
    expect(refunds).toMatchObject({ items: [{ type: 'order.refunded' }], nextCursor: null })
  })

  it('refuses a cursor it did not issue with 400 REQUEST_INVALID_CURSOR', async () => {
    for (const cursor of ['nonsense', Buffer.from('evt:-1').toString('base64url'), Buffer.from('{"seq":1}').toString('base64url'), 'x'.repeat(100)]) {
      const res = await t.request('GET', `/api/v1/events?cursor=${cursor}`)
      expect(res.status, cursor).toBe(400)
      expect((await json(res)).error.code).toBe('REQUEST_INVALID_CURSOR')
    }
    expect((await t.request('GET', '/api/v1/events?limit=0')).status).toBe(400)
  })
})
