import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

const wang = {
  externalId: 'crm-10086', name: '王芳 Wang Fang', email: 'Wang.Fang@Example.cn', phone: '+86 138-0013-8000', birthday: '1990-05-17',
  locale: 'zh-cn', timeZone: 'Asia/Shanghai', attributes: { vip: true, channels: ['wechat', 'store'], visits: 3, note: null },
}

describe.each(dialects)('customers CRUD on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const create = async (body: Json) => t.request('POST', '/api/v1/customers', { body })
  const now = () => t.services.now().toISOString()
  const issuesOf = async (res: Response) => {
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('REQUEST_INVALID')
    return (body.error.details.issues as Array<{ path: string; message: string }>)
  }

  it('creates a customer (201) and reads it back with canonical locale', async () => {
    const res = await create(wang)
    expect(res.status).toBe(201)
    const created = await json(res)
    expect(created).toMatchObject({
      externalId: 'crm-10086', name: '王芳 Wang Fang', email: 'Wang.Fang@Example.cn', phone: '+86 138-0013-8000', birthday: '1990-05-17',
      locale: 'zh-CN', timeZone: 'Asia/Shanghai', attributes: wang.attributes, createdAt: now(), updatedAt: now(), erasedAt: null,
    })
    expect(created.id).toMatch(/^cus_/)
    const got = await t.request('GET', `/api/v1/customers/${created.id}`)
    expect(got.status).toBe(200)
    expect(await json(got)).toEqual({ ...created, profile: {} })
  })

  it('creates a customer with no fields at all', async () => {
    const res = await create({})
    expect(res.status).toBe(201)
    expect(await json(res)).toMatchObject({ externalId: null, name: null, email: null, phone: null, attributes: {} })
  })

  it('refuses a duplicate externalId with 409 and changes nothing', async () => {
    const first = await json(await create(wang))
    const res = await create({ externalId: wang.externalId, name: 'Someone else', email: 'other@example.com' })
    expect(res.status).toBe(409)
    expect((await json(res)).error.code).toBe('CUSTOMER_EXTERNAL_ID_TAKEN')
    const list = await json(await t.request('GET', '/api/v1/customers'))
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toEqual(first)
  })

  it('upserts by external id: 201 when created, 200 when updated, absent fields kept', async () => {
    const put1 = await t.request('PUT', '/api/v1/customers/by-external-id/crm-7', { body: { name: 'Li Lei', email: 'li@example.cn' } })
    expect(put1.status).toBe(201)
    const created = await json(put1)
    expect(created).toMatchObject({ externalId: 'crm-7', name: 'Li Lei', email: 'li@example.cn' })
    t.advance(60_000)
    const put2 = await t.request('PUT', '/api/v1/customers/by-external-id/crm-7', { body: { name: 'Li Lei 李雷', phone: '13800138000' } })
    expect(put2.status).toBe(200)
    const updated = await json(put2)
    expect(updated).toMatchObject({ id: created.id, externalId: 'crm-7', name: 'Li Lei 李雷', email: 'li@example.cn', phone: '13800138000', createdAt: created.createdAt, updatedAt: now() })
    const put3 = await t.request('PUT', '/api/v1/customers/by-external-id/crm-7', { body: { email: null } })
    expect(put3.status).toBe(200)
    expect((await json(put3)).email).toBeNull()
  })

  it('upserts concurrently without duplicates: one 201, the rest 200, one customer', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.request('PUT', '/api/v1/customers/by-external-id/crm-race', { body: { attributes: { n: i } } })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201])
    const bodies = await Promise.all(results.map(json))
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
    expect((await json(await t.request('GET', '/api/v1/customers?externalId=crm-race'))).items).toHaveLength(1)
  })

  it('upsert refuses an externalId in the body (it is in the path)', async () => {
    const issues = await issuesOf(await t.request('PUT', '/api/v1/customers/by-external-id/crm-7', { body: { externalId: 'x', name: 'A' } }))
    expect(issues[0]!.message).toContain('externalId')
  })

  it('patches a subset; null clears a field; attributes are replaced', async () => {
    const { id } = await json(await create(wang))
    t.advance(1000)
    const res = await t.request('PATCH', `/api/v1/customers/${id}`, { body: { name: 'Wang Fang', phone: null, attributes: { tier: 'gold' } } })
    expect(res.status).toBe(200)
    const patched = await json(res)
    expect(patched).toMatchObject({ id, name: 'Wang Fang', phone: null, email: wang.email, attributes: { tier: 'gold' }, updatedAt: now() })
    const cleared = await json(await t.request('PATCH', `/api/v1/customers/${id}`, { body: { attributes: null, birthday: null, externalId: null } }))
    expect(cleared).toMatchObject({ attributes: {}, birthday: null, externalId: null })
    expect(await json(await t.request('GET', `/api/v1/customers/${id}`))).toEqual({ ...cleared, profile: {} })
  })

  it('refuses to patch externalId to one another customer has (409, nothing changed)', async () => {
    await create(wang)
    const other = await json(await create({ externalId: 'crm-2', name: 'B' }))
    const res = await t.request('PATCH', `/api/v1/customers/${other.id}`, { body: { externalId: wang.externalId, name: 'changed' } })
    expect(res.status).toBe(409)
    expect((await json(res)).error.code).toBe('CUSTOMER_EXTERNAL_ID_TAKEN')
    expect(await json(await t.request('GET', `/api/v1/customers/${other.id}`))).toEqual({ ...other, profile: {} })
    const own = await t.request('PATCH', `/api/v1/customers/${other.id}`, { body: { externalId: 'crm-2' } })
    expect(own.status).toBe(200)
    const moved = await t.request('PATCH', `/api/v1/customers/${other.id}`, { body: { externalId: 'crm-3' } })
    expect((await json(moved)).externalId).toBe('crm-3')
  })

  it('answers 404 CUSTOMER_NOT_FOUND for an unknown id', async () => {
    for (const [method, path, body] of [['GET', '/api/v1/customers/cus_nope', undefined], ['PATCH', '/api/v1/customers/cus_nope', { name: 'x' }]] as const) {
      const res = await t.request(method, path, body ? { body } : {})
      expect(res.status).toBe(404)
      expect((await json(res)).error.code).toBe('CUSTOMER_NOT_FOUND')
    }
  })

  it('refuses unknown body fields, naming them', async () => {
    const issues = await issuesOf(await create({ name: 'A', nickname: 'a', vip: true }))
    expect(issues.map((issue) => issue.path)).toEqual(['body.nickname', 'body.vip'])
    expect(issues[0]!.message).toContain('nickname')
    expect(issues[1]!.message).toContain('vip')
    const patchIssues = await issuesOf(await t.request('PATCH', '/api/v1/customers/cus_x', { body: { createdAt: '2020-01-01' } }))
    expect(patchIssues[0]!.message).toContain('createdAt')
  })

  it.each([
    ['externalId', { externalId: '' }],
    ['externalId', { externalId: 'x'.repeat(129) }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: 'call me' }],
    ['phone', { phone: '123' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: '010-6552 9988' }],
    ['birthday', { birthday: '17/05/1990' }],
    ['birthday', { birthday: '2023-02-29' }],
    ['birthday', { birthday: '2999-01-01' }],
    ['locale', { locale: 'not a locale' }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['attributes', { attributes: { nested: { a: 1 } } }],
    ['attributes', { attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }],
    ['attributes', { attributes: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(900)])) }],
    ['attributes', { attributes: ['a'] }],
    ['name', { name: '   ' }],
  ])('refuses an invalid %s with 400 naming it', async (field, body) => {
    const issues = await issuesOf(await create(body))
    expect(issues.some((i) => i.path.startsWith(`body.${field}`))).toBe(true)
  })

  it('accepts a birthday of 29 February in a leap year and a boundary-size attributes object', async () => {
    const attributes = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i % 2 ? 'v' : [1, 'two', false, null]]))
    const res = await create({ birthday: '2024-02-29', attributes, timeZone: 'UTC', locale: 'en' })
    expect(res.status).toBe(201)
    expect(await json(res)).toMatchObject({ birthday: '2024-02-29', attributes, timeZone: 'UTC', locale: 'en' })
  })

  it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
    const malformed = await t.request('POST', '/api/v1/customers', { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } })
    expect(malformed.status).toBe(400)
    expect((await json(malformed)).error.code).toBe('REQUEST_MALFORMED_JSON')

    const text = await t.request('POST', '/api/v1/customers', { rawBody: 'name=A', headers: { 'content-type': 'text/plain' } })
    expect(text.status).toBe(415)
    expect((await json(text)).error.code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE')

    const big = await t.request('POST', '/api/v1/customers', { rawBody: JSON.stringify({ name: 'x'.repeat(1_200_000) }), headers: { 'content-type': 'application/json' } })
    expect(big.status).toBe(413)
    expect((await json(big)).error.code).toBe('REQUEST_BODY_TOO_LARGE')

    const list = await json(await t.request('GET', '/api/v1/customers'))
    expect(list.items).toHaveLength(0)
  })
})
