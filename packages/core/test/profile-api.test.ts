import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ActivePlugin } from '../src/plugins/runtime.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'
import { fxPlugin, profileRequester, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

describe.each(dialects)('profile in the API on %s', (dialect) => {
  let t: TestApp
  let fx: ActivePlugin
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    ;[fx] = (await useFixtureRuntime(t, [fxPlugin()])) as [ActivePlugin]
  })
  afterAll(() => t.close())

  const customer = async (externalId: string): Promise<string> => (await json(await t.request('POST', '/api/v1/customers', { body: { externalId } }))).id
  const setProfile = (id: string, changes: Json) => t.db.tx((tx) => fx.context.updateProfile(tx, id, changes, { id: 'test-seed' }))
  const list = async (query: string) => {
    const res = await t.request('GET', `/api/v1/customers?${query}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return json(res)
  }
  const ids = (page: Json) => (page.items as Json[]).map((c) => c.id as string)

  /** 14 customers: totals with ties, 4 without a total; levels, vip flags and a note on some. */
  async function seed(): Promise<Array<{ id: string; total: number | undefined }>> {
    const out = []
    for (let i = 0; i < 14; i++) {
      const id = await customer(`crm-${String(i).padStart(2, '0')}`)
      const total = i % 7 === 3 || i % 5 === 4 ? undefined : [50, 120.5, 120.5, 700, 50, 990, 3][i % 7]!
      await setProfile(id, {
        ...(total === undefined ? {} : { 'fx.total': { set: total } }),
        'fx.level': { set: ['gold', 'silver', 'bronze'][i % 3] }, 'fx.vip': { set: i % 2 === 0 }, ...(i < 3 ? { 'fx.note': { set: `note ${i}` } } : {}),
      })
      out.push({ id, total })
    }
    return out
  }

  /** Values first (by value, then id, in the sort's direction), customers without one last (by id). */
  const expectedOrder = (rows: Array<{ id: string; total: number | undefined }>, desc: boolean) => {
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0) * (desc ? -1 : 1)
    const valued = rows.filter((r) => r.total !== undefined).sort((a, b) => cmp(a.total!, b.total!) || cmp(a.id, b.id))
    const missing = rows.filter((r) => r.total === undefined).sort((a, b) => cmp(a.id, b.id))
    return [...valued, ...missing].map((r) => r.id)
  }

  it('shows the profile grouped by namespace on the customer', async () => {
    const id = await customer('crm-1')
    await setProfile(id, { 'fx.total': { set: 12.5 }, 'fx.level': { set: 'gold' }, 'fx.vip': { set: true } })
    const body = await json(await t.request('GET', `/api/v1/customers/${id}`, { as: 'analyst' }))
    expect(body).toMatchObject({ id, externalId: 'crm-1', profile: { fx: { total: 12.5, level: 'gold', vip: true } } })
  })

  it.each(['-fx.total', 'fx.total'])('sorts by a profile field (%s), walking every page by keyset, missing values last', async (sort) => {
    const rows = await seed()
    const expected = expectedOrder(rows, sort.startsWith('-'))
    const walked: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Json = await list(`sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      walked.push(...ids(page))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(4)
    expect(walked).toEqual(expected)
    expect(ids(await list(`sort=${sort}&limit=200`))).toEqual(expected)
  })

  it('filters by profile fields with every operator, combined with other filters and sorts', async () => {
    const rows = await seed()
    const withTotal = (pred: (n: number) => boolean) => rows.filter((r) => r.total !== undefined && pred(r.total)).map((r) => r.id).sort()
    const sorted = async (query: string) => ids(await list(`${query}&limit=200`)).sort()
    expect(await sorted('filter=fx.total:gte:120.5')).toEqual(withTotal((n) => n >= 120.5))
    expect(await sorted('filter=fx.total:gt:120.5')).toEqual(withTotal((n) => n > 120.5))
    expect(await sorted('filter=fx.total:lt:50')).toEqual(withTotal((n) => n < 50))
    expect(await sorted('filter=fx.total:lte:50')).toEqual(withTotal((n) => n <= 50))
    expect(await sorted('filter=fx.total:eq:50')).toEqual(withTotal((n) => n === 50))
    expect(await sorted('filter=fx.total:ne:50')).toEqual(withTotal((n) => n !== 50))
    expect(await sorted('filter=fx.total:in:3|990')).toEqual(withTotal((n) => n === 3 || n === 990))
    expect(await sorted('filter=fx.total:exists')).toEqual(withTotal(() => true))
    expect(await sorted('filter=fx.total:exists:false')).toEqual(rows.filter((r) => r.total === undefined).map((r) => r.id).sort())
    expect(await sorted('filter=fx.level:eq:gold')).toEqual(rows.filter((_, i) => i % 3 === 0).map((r) => r.id).sort())
    expect(await sorted('filter=fx.vip:eq:true')).toEqual(rows.filter((_, i) => i % 2 === 0).map((r) => r.id).sort())
    expect(await sorted('filter=fx.note:exists')).toEqual(rows.slice(0, 3).map((r) => r.id).sort())
    // Repeated filters combine; they work with a profile sort and with a core sort alike.
    const both = rows.filter((r, i) => r.total !== undefined && r.total >= 100 && i % 2 === 0)
    expect(ids(await list('filter=fx.total:gte:100&filter=fx.vip:eq:1&sort=-fx.total'))).toEqual(expectedOrder(both, true))
    expect((await list('filter=fx.total:gte:100&filter=fx.vip:eq:true&sort=name')).items).toHaveLength(both.length)
  })

  it.each([
    ['filter=fx.nope:eq:1', 'fx.nope'],
    ['filter=fx.total:like:1', 'like'],
    ['filter=fx.total', 'field:op:value'],
    ['filter=fx.total:gt:abc', 'finite number'],
    ['filter=fx.level:eq:platinum', 'platinum'],
    ['filter=fx.total:gt', 'needs a value'],
    ['sort=-fx.nope', 'fx.nope'],
    ['sort=fx', 'sort'],
  ])('refuses %s with a 400 naming it', async (query, named) => {
    const res = await t.request('GET', `/api/v1/customers?${query}`)
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('REQUEST_INVALID')
    expect(JSON.stringify(body.error)).toContain(named)
  })

  it('refuses a cursor issued for another sort', async () => {
    await seed()
    const { nextCursor } = await list('sort=-fx.total&limit=2')
    const res = await t.request('GET', `/api/v1/customers?sort=fx.total&cursor=${nextCursor}`)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('REQUEST_INVALID_CURSOR')
  })

  it('explains a field page by page, and refuses unknown fields and customers', async () => {
    const request = profileRequester(t)
    const id = await customer('crm-1')
    for (const amountMinor of [100, 200, 300]) await t.emit('order.completed', id, { amountMinor })
    const first = await json(await request(`/api/v1/customers/${id}/explain?field=fx.total&limit=2`))
    expect(first).toMatchObject({ field: 'fx.total', value: 6 })
    expect(first.changes.map((c: Json) => c.next)).toEqual([1, 3])
    const rest = await json(await request(`/api/v1/customers/${id}/explain?field=fx.total&limit=2&cursor=${first.nextCursor}`))
    expect(rest.changes.map((c: Json) => c.next)).toEqual([6])
    expect(rest.nextCursor).toBeNull()
    expect(await json(await request(`/api/v1/customers/${id}/explain?field=fx.note`))).toEqual({ field: 'fx.note', value: null, changes: [], nextCursor: null })

    const unknownField = await request(`/api/v1/customers/${id}/explain?field=fx.nope`)
    expect(unknownField.status).toBe(400)
    expect(JSON.stringify(await json(unknownField))).toContain('fx.nope')
    const unknownCustomer = await request('/api/v1/customers/cus_nope/explain?field=fx.total')
    expect(unknownCustomer.status).toBe(404)
    expect((await json(unknownCustomer)).error.code).toBe('CUSTOMER_NOT_FOUND')
  })

  it("lists a customer's events newest first with the profile changes each caused", async () => {
    const request = profileRequester(t)
    const id = await customer('crm-1')
    const events = []
    for (const amountMinor of [12_000, 1_000, 50_000]) events.push(await t.emit('order.completed', id, { amountMinor }))
    const page = await json(await request(`/api/v1/customers/${id}/timeline?limit=2`))
    expect(page.items.map((e: Json) => e.id)).toEqual([events[2]!.id, events[1]!.id])
    const [newest, middle] = page.items as Json[]
    expect(newest!.profileChanges.map((c: Json) => [c.field, c.previous, c.next])).toEqual([
      ['fx.total', 130, 630], ['fx.orders', 2, 3], ['fx.biggest', 12_000, 50_000], ['fx.level', 'silver', 'gold'], ['fx.seen', 2, 3],
    ])
    expect(newest!.profileChanges[0]).toMatchObject({ op: 'add', operand: 500, plugin: 'fixture-scoring', source: { kind: 'rule', id: 'total-on-order', version: 1 } })
    expect(middle!.profileChanges.map((c: Json) => c.field)).toEqual(['fx.total', 'fx.orders', 'fx.seen'])
    const last = await json(await request(`/api/v1/customers/${id}/timeline?limit=2&cursor=${page.nextCursor}`))
    expect(last.items.map((e: Json) => e.id)).toEqual([events[0]!.id])
    expect(last.nextCursor).toBeNull()
    expect((await request('/api/v1/customers/cus_nope/timeline')).status).toBe(404)
  })
})
