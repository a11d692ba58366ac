import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json
const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo']

describe.each(dialects)('customer list on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const create = async (body: Json) => {
    const res = await t.request('POST', '/api/v1/customers', { body })
    expect(res.status).toBe(201)
    return json(res)
  }
  const list = async (query: string) => {
    const res = await t.request('GET', `/api/v1/customers?${query}`)
    expect(res.status).toBe(200)
    return json(res)
  }
  const ids = (page: Json) => (page.items as Json[]).map((c) => c.id as string)

  /** 25 customers: names repeat (ties), one has no name, creation times repeat in groups of 4. */
  async function seed25() {
    for (let i = 0; i < 25; i++) {
      if (i % 4 === 0) t.advance(1000)
      await create({ externalId: `ext-${i}`, ...(i === 12 ? {} : { name: NAMES[i % NAMES.length] }) })
    }
  }

  it.each(['-createdAt', 'createdAt', 'name', '-name'])('walks every page sorted by %s without duplicates or gaps', async (sort) => {
    await seed25()
    const all = await list(`sort=${sort}&limit=200`)
    expect(all.items).toHaveLength(25)
    expect(all.nextCursor).toBeNull()

    const walked: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Json = await list(`sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(7)
      walked.push(...ids(page))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(4)
    expect(new Set(walked).size).toBe(25)
    expect(walked).toEqual(ids(all))

    const key = sort.endsWith('name') ? (c: Json) => (c.name ?? '') as string : (c: Json) => c.createdAt as string
    const keys = (all.items as Json[]).map(key)
    const sorted = [...keys].sort()
    expect(keys).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted)
  })

  it('defaults to newest first, 50 a page', async () => {
    const a = await create({ name: 'first' })
    t.advance(1000)
    const b = await create({ name: 'second' })
    const page = await list('')
    expect(ids(page)).toEqual([b.id, a.id])
    expect(page.nextCursor).toBeNull()
  })

  it('filters by q: name substring in any case, exact externalId, exact email', async () => {
    const wang = await create({ externalId: 'crm-1', name: 'Wang Fang', email: 'wang.fang@example.cn' })
    const li = await create({ externalId: 'crm-2', name: 'Li Lei', email: 'lilei@example.cn' })
    await create({ externalId: 'crm-3', name: '100% Real', email: 'real@example.cn' })
    expect(ids(await list('q=WANG'))).toEqual([wang.id])
    expect(ids(await list('q=ng%20fa'))).toEqual([wang.id])
    expect(ids(await list('q=crm-2'))).toEqual([li.id])
    expect(ids(await list('q=crm'))).toEqual([])
    expect(ids(await list(`q=${encodeURIComponent(' LiLei@Example.CN ')}`))).toEqual([li.id])
    expect((await list('q=%25')).items).toHaveLength(1)
    expect((await list('q=_')).items).toHaveLength(0)
  })

  it('filters by email, phone, externalId and locale exactly', async () => {
    const a = await create({ externalId: 'a', email: 'A@Example.com', phone: '+86 138-0013-8000', locale: 'zh-CN' })
    const b = await create({ externalId: 'b', email: 'b@example.com', phone: '13800138000', locale: 'en' })
    expect(ids(await list('email=a%40example.COM'))).toEqual([a.id])
    expect(ids(await list(`phone=${encodeURIComponent('+8613800138000')}`))).toEqual([a.id])
    expect(ids(await list('phone=138%200013%208000'))).toEqual([b.id])
    expect(ids(await list('externalId=b'))).toEqual([b.id])
    expect(ids(await list('locale=zh-cn'))).toEqual([a.id])
    expect(ids(await list('locale=en'))).toEqual([b.id])
    expect(ids(await list('email=nobody%40example.com'))).toEqual([])
  })

  it('filters by creation dates (a date covers its whole day, UTC)', async () => {
    // Days pass: an API key, since a session would expire while the clock moves.
    const as = { apiKey: await t.apiKey(['customers:read', 'customers:write']) }
    const make = async (name: string) => json(await t.request('POST', '/api/v1/customers', { body: { name }, as }))
    const find = async (query: string) => ids(await json(await t.request('GET', `/api/v1/customers?${query}`, { as })))
    const day1 = await make('day 1')
    t.advance(24 * 3600_000)
    const day2 = await make('day 2')
    t.advance(24 * 3600_000)
    const day3 = await make('day 3')
    const date2 = (day2.createdAt as string).slice(0, 10)
    expect(await find(`createdFrom=${date2}&sort=createdAt`)).toEqual([day2.id, day3.id])
    expect(await find(`createdTo=${date2}&sort=createdAt`)).toEqual([day1.id, day2.id])
    expect(await find(`createdFrom=${date2}&createdTo=${date2}`)).toEqual([day2.id])
    const justAfter = new Date(Date.parse(day2.createdAt) + 1).toISOString()
    expect(await find(`createdFrom=${justAfter}`)).toEqual([day3.id])
    expect(await find(`createdTo=${encodeURIComponent(day2.createdAt.replace('Z', '+00:00'))}&sort=createdAt`)).toEqual([day1.id, day2.id])
    const bad = await t.request('GET', '/api/v1/customers?createdFrom=yesterday', { as })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await json(bad))).toContain('query.createdFrom')
  })

  it('leaves erased customers out unless includeErased=true', async () => {
    const kept = await create({ name: 'kept' })
    const gone = await create({ name: 'gone' })
    expect((await t.request('POST', `/api/v1/customers/${gone.id}/erase`)).status).toBe(200)
    expect(ids(await list(''))).toEqual([kept.id])
    expect(new Set(ids(await list('includeErased=true')))).toEqual(new Set([kept.id, gone.id]))
  })

  it('refuses a cursor that does not decode or was issued for another sort', async () => {
    for (let i = 0; i < 3; i++) await create({ name: `n${i}` })
    const { nextCursor } = await list('sort=name&limit=1')
    expect(nextCursor).toEqual(expect.any(String))
    for (const query of ['cursor=garbage!!', 'cursor=bm90IGpzb24', `cursor=${nextCursor}`, `sort=createdAt&cursor=${nextCursor}`, `sort=name&cursor=${Buffer.from('["name",5,"x"]').toString('base64url')}`]) {
      const res = await t.request('GET', `/api/v1/customers?${query}`)
      expect(res.status, query).toBe(400)
      expect((await json(res)).error.code).toBe('REQUEST_INVALID_CURSOR')
    }
    expect((await list(`sort=name&limit=1&cursor=${nextCursor}`)).items).toHaveLength(1)
  })

  it.each([
    ['unknown parameter', 'color=red', 'color'],
    ['limit 0', 'limit=0', 'query.limit'],
    ['limit 201', 'limit=201', 'query.limit'],
    ['limit not a number', 'limit=ten', 'query.limit'],
    ['unknown sort', 'sort=email', 'query.sort'],
    ['includeErased not a boolean', 'includeErased=yes', 'query.includeErased'],
  ])('refuses a bad query (%s) with 400 naming it', async (_, query, named) => {
    const res = await t.request('GET', `/api/v1/customers?${query}`)
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('REQUEST_INVALID')
    expect(JSON.stringify(body.error.details)).toContain(named)
  })
})
