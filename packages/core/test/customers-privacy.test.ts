import { readFileSync, existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { appendEvent } from '../src/events/event-log.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

const EMAIL = 'zhao.xiaoyan.7731@distinctive-mail.cn'
const PHONE = '+86 139-7731-4242'
const person = { externalId: 'crm-7731', name: 'Zhao Xiaoyan', email: EMAIL, phone: PHONE, birthday: '1988-11-02', locale: 'zh-CN', timeZone: 'Asia/Shanghai', attributes: { vip: true } }

describe.each(dialects)('customer privacy on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  async function createPerson() {
    const res = await t.request('POST', '/api/v1/customers', { body: person })
    expect(res.status).toBe(201)
    return json(res)
  }

  async function addEvents(customerId: string, n: number) {
    for (let i = 0; i < n; i++) {
      t.advance(1000)
      const now = t.services.now()
      await appendEvent(t.db, { type: 'order.completed', customerId, payload: { amountMinor: 100 * (i + 1), currency: 'CNY' }, occurredAt: now.toISOString(), idempotencyKey: `order-${customerId}-${i}`, source: 'api', actor: { type: 'apiKey', id: 'key_shop' } }, now)
    }
  }

  const auditRows = (action: string) => t.db.all<{ action: string; target_id: string; details: string; actor_type: string }>('SELECT * FROM core_audit_log WHERE action = ?', [action])

  it('erases the personal data, keeps the record and its events, and audits it', async () => {
    const c = await createPerson()
    await addEvents(c.id, 2)
    t.advance(60_000)
    const res = await t.request('POST', `/api/v1/customers/${c.id}/erase`)
    expect(res.status).toBe(200)
    const { customer } = await json(res)
    expect(customer).toEqual({
      id: c.id, externalId: null, name: null, email: null, phone: null, birthday: null, attributes: {},
      locale: 'zh-CN', timeZone: 'Asia/Shanghai', createdAt: c.createdAt, updatedAt: t.services.now().toISOString(), erasedAt: t.services.now().toISOString(),
    })
    expect(await json(await t.request('GET', `/api/v1/customers/${c.id}`))).toEqual({ ...customer, profile: {} })

    const raw = await t.db.get<Json>('SELECT * FROM core_customers WHERE id = ?', [c.id])
    expect(raw).toMatchObject({ email_enc: null, email_hash: null, phone_enc: null, phone_hash: null, external_id: null, name: null })

    const events = await json(await t.request('GET', `/api/v1/customers/${c.id}/events`))
    expect(events.items.map((e: Json) => e.type)).toEqual(['customer.erased', 'order.completed', 'order.completed'])
    expect(events.items[0]).toMatchObject({ customerId: c.id, source: 'core' })

    const audit = await auditRows('customer.erased')
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ target_id: c.id, actor_type: 'user' })
    for (const value of [EMAIL, PHONE, person.name, person.externalId, person.birthday]) expect(audit[0]!.details).not.toContain(value)
  })

  it('is idempotent: a second erase answers 200 with the first erasedAt', async () => {
    const c = await createPerson()
    const first = (await json(await t.request('POST', `/api/v1/customers/${c.id}/erase`))).customer
    t.advance(3600_000)
    const again = await t.request('POST', `/api/v1/customers/${c.id}/erase`)
    expect(again.status).toBe(200)
    expect((await json(again)).customer).toEqual(first)
    expect(await auditRows('customer.erased')).toHaveLength(1)
    const events = await json(await t.request('GET', `/api/v1/customers/${c.id}/events`))
    expect(events.items.filter((e: Json) => e.type === 'customer.erased')).toHaveLength(1)
  })

  it('refuses changes to an erased customer and frees its externalId', async () => {
    const c = await createPerson()
    await t.request('POST', `/api/v1/customers/${c.id}/erase`)
    const patch = await t.request('PATCH', `/api/v1/customers/${c.id}`, { body: { name: 'Back' } })
    expect(patch.status).toBe(409)
    expect((await json(patch)).error.code).toBe('CUSTOMER_ERASED')
    expect((await json(await t.request('GET', `/api/v1/customers?email=${encodeURIComponent(EMAIL)}&includeErased=true`))).items).toHaveLength(0)
    const reborn = await t.request('PUT', `/api/v1/customers/by-external-id/${person.externalId}`, { body: { name: 'New person' } })
    expect(reborn.status).toBe(201)
    expect((await json(reborn)).id).not.toBe(c.id)
  })

  it('answers 404 when erasing or exporting an unknown customer', async () => {
    for (const [method, path] of [['POST', '/api/v1/customers/cus_nope/erase'], ['GET', '/api/v1/customers/cus_nope/export'], ['GET', '/api/v1/customers/cus_nope/events']]) {
      const res = await t.request(method!, path!)
      expect(res.status, path).toBe(404)
      expect((await json(res)).error.code).toBe('CUSTOMER_NOT_FOUND')
    }
  })

  it('exports the customer and all its events as an attachment, audit-logged', async () => {
    const c = await createPerson()
    await addEvents(c.id, 3)
    const other = (await json(await t.request('POST', '/api/v1/customers', { body: { name: 'Other' } }))).id
    await addEvents(other, 1)
    const res = await t.request('GET', `/api/v1/customers/${c.id}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="customer-${c.id}.json"`)
    expect(res.headers.get('content-type')).toContain('application/json')
    const doc = await json(res)
    expect(doc.exportedAt).toBe(t.services.now().toISOString())
    expect(doc.customer).toEqual(c)
    expect(doc.customer.email).toBe(EMAIL)
    expect(doc.events.map((e: Json) => e.payload.amountMinor)).toEqual([100, 200, 300])
    expect(doc.events.every((e: Json) => e.customerId === c.id)).toBe(true)
    const audit = await auditRows('customer.exported')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.target_id).toBe(c.id)
    expect(audit[0]!.details).not.toContain(EMAIL)
  })

  it("pages a customer's events newest first with an opaque cursor", async () => {
    const c = await createPerson()
    await addEvents(c.id, 5)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: Json = await json(await t.request('GET', `/api/v1/customers/${c.id}/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`))
      seen.push(...page.items.map((e: Json) => e.payload.amountMinor))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([500, 400, 300, 200, 100])
    for (const query of ['cursor=nope', `cursor=${Buffer.from('["name","a","b"]').toString('base64url')}`]) {
      const res = await t.request('GET', `/api/v1/customers/${c.id}/events?${query}`)
      expect(res.status).toBe(400)
      expect((await json(res)).error.code).toBe('REQUEST_INVALID_CURSOR')
    }
    const unknown = await t.request('GET', `/api/v1/customers/${c.id}/events?since=1`)
    expect(unknown.status).toBe(400)
  })

  it('stores email and phone encrypted, with hashes, and never in the audit log', async () => {
    const c = await createPerson()
    await t.request('PATCH', `/api/v1/customers/${c.id}`, { body: { phone: PHONE, email: EMAIL } })
    expect(c).toMatchObject({ email: EMAIL, phone: PHONE })
    const raw = await t.db.get<Json>('SELECT * FROM core_customers WHERE id = ?', [c.id])
    expect(raw!.email_enc).toMatch(/^v1:/)
    expect(raw!.phone_enc).toMatch(/^v1:/)
    const rawText = JSON.stringify(raw)
    for (const value of [EMAIL, PHONE, EMAIL.toLowerCase(), '8613977314242']) expect(rawText).not.toContain(value)
    const audit = JSON.stringify(await t.db.all('SELECT * FROM core_audit_log'))
    for (const value of [EMAIL, PHONE, person.name, person.birthday]) expect(audit).not.toContain(value)
  })
})

// SQLite only: PGlite keeps its data in memory, so there is no file to scan; the stored-row check above runs on both.
describe('customer privacy in the SQLite file', () => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp('sqlite') }, 60_000)
  afterAll(() => t.close())

  it('leaves no plaintext email or phone in the SQLite file or its WAL', async () => {
    const created = await t.request('POST', '/api/v1/customers', { body: person })
    expect(created.status).toBe(201)
    const c = await json(created)
    await t.db.all('PRAGMA wal_checkpoint(TRUNCATE)')
    const [main] = await t.db.all<{ name: string; file: string }>('PRAGMA database_list')
    const file = main!.file
    expect(existsSync(file)).toBe(true)
    const bytes = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)])
    expect(bytes.includes(Buffer.from(person.name))).toBe(true)
    for (const value of [EMAIL, PHONE, '13977314242', 'distinctive-mail']) expect(bytes.includes(Buffer.from(value)), value).toBe(false)
    expect(await json(await t.request('GET', `/api/v1/customers/${c.id}`))).toMatchObject({ email: EMAIL, phone: PHONE })
  })
})
