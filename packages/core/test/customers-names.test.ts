import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json
const byId = (items: Json[]) => Object.fromEntries(items.map((c) => [c.id, c]))

describe.each(dialects)('customer names by id on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const create = async (body: Json) => {
    const res = await t.request('POST', '/api/v1/customers', { body })
    expect(res.status).toBe(201)
    return (await json(res)).id as string
  }
  const names = (ids: string, as: 'owner' | 'analyst' = 'owner') => t.request('GET', `/api/v1/customers/names?ids=${ids}`, { as })

  it('returns name and external id for each id that exists, leaving unknown ids out', async () => {
    const wang = await create({ externalId: 'crm-1', name: '王芳', email: 'wf@example.cn' })
    const li = await create({ name: 'Li Lei' })
    const res = await names(`${wang},cus_unknown,${li},${wang}`, 'analyst')
    expect(res.status).toBe(200)
    const { items } = await json(res)
    expect(items).toHaveLength(2)
    expect(byId(items)).toEqual({
      [wang]: { id: wang, name: '王芳', externalId: 'crm-1', erased: false },
      [li]: { id: li, name: 'Li Lei', externalId: null, erased: false },
    })
    // A names lookup never carries contact details.
    expect(JSON.stringify(items)).not.toContain('example.cn')
  })

  it('marks erased customers, without their name', async () => {
    const id = await create({ externalId: 'crm-9', name: 'Gone Soon' })
    expect((await t.request('POST', `/api/v1/customers/${id}/erase`)).status).toBe(200)
    const { items } = await json(await names(id))
    expect(items).toEqual([{ id, name: null, externalId: null, erased: true }])
  })

  it('takes up to 100 ids', async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, (_, i) => create({ name: `c${i}` })))
    const padded = [...ids, ...Array.from({ length: 97 }, (_, i) => `cus_none${i}`)]
    const res = await names(padded.join(','))
    expect(res.status).toBe(200)
    expect((await json(res)).items).toHaveLength(3)
  })

  it.each([
    ['101 ids', Array.from({ length: 101 }, (_, i) => `cus_${i}`).join(',')],
    ['an empty list', ''],
    ['an empty id', 'cus_1,,cus_2'],
    ['a trailing comma', 'cus_1,'],
    ['characters ids never hold', encodeURIComponent("cus_1' OR 1=1")],
    ['an id longer than 64', 'c'.repeat(65)],
  ])('refuses %s with a coded 400', async (_, ids) => {
    const res = await names(ids)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('REQUEST_INVALID')
  })

  it('refuses a request without ids', async () => {
    const res = await t.request('GET', '/api/v1/customers/names')
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('REQUEST_INVALID')
  })
})
