/**
 * Saved segments: groups of profile conditions joined by all/any, checked against the declared
 * fields (a 400 names the bad condition), counted, paged and exported as CSV in SQL, used by the
 * dashboard (`segment=<id>`) and by plugins through `ctx.segments`.
 */
import Papa from 'papaparse'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginContext, PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const label = (en: string) => ({ en, 'zh-CN': en })

/** Declares the fields the segments use; keeps its context so the test can call `ctx.segments`. */
let shopCtx: PluginContext | undefined
const shopPlugin: PluginDefinition = {
  name: 'shop', namespace: 'shop', version: '1.0.0', host: '^1',
  profile: {
    tier: { kind: 'enum', label: label('Tier'), values: ['diamond', 'silver', 'bronze'], valueLabels: { diamond: { en: 'Diamond', 'zh-CN': '金钻' } } },
    balance: { kind: 'integer', label: label('Balance') },
    vip: { kind: 'boolean', label: label('VIP') },
    since: { kind: 'date', label: label('Since') },
  },
  dashboard: {
    members: {
      title: label('Members'),
      async load(ctx, scope) {
        const c = scope.customersIn('id')
        const row = await ctx.db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM core_customers WHERE ${c.sql}`, c.params)
        return { members: Number(row?.n ?? 0), filtered: scope.filtered }
      },
    },
  },
  setup(ctx) { shopCtx = ctx },
}

const group = (match: 'all' | 'any', ...conditions: Json[]) => ({ match, conditions })
const definition = (match: 'all' | 'any', ...groups: Json[]) => ({ match, groups })
const diamondOrSilverRich = definition('all', group('all', { field: 'shop.tier', op: 'in', value: ['diamond', 'silver'] }, { field: 'shop.balance', op: 'gte', value: 100 }))

describe.each(dialects)('segments on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [shopPlugin] }) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const customer = async (externalId: string, profile: Json, extra: Json = {}) => {
    const { id } = await json(await t.request('POST', '/api/v1/customers', { body: { externalId, ...extra } }))
    const changes = Object.fromEntries(Object.entries(profile).map(([k, v]) => [`shop.${k}`, { set: v }]))
    if (Object.keys(changes).length) await t.db.tx((tx) => shopCtx!.updateProfile(tx, id, changes, { id: 'test-seed' }))
    return id as string
  }
  const seed = async () => ({
    diamondRich: await customer('c-1', { tier: 'diamond', balance: 500, vip: true }, { name: '王芳', email: 'wang@example.com' }),
    silverRich: await customer('c-2', { tier: 'silver', balance: 100 }),
    silverPoor: await customer('c-3', { tier: 'silver', balance: 99 }),
    bronzeRich: await customer('c-4', { tier: 'bronze', balance: 900, vip: false }),
    nothing: await customer('c-5', {}),
  })
  const save = async (body: Json, as?: 'agent' | 'analyst') => t.request('POST', '/api/v1/segments', { body, ...(as ? { as } : {}) })
  const count = async (id: string) => (await json(await t.request('GET', `/api/v1/segments/${id}/count`))).count
  const members = async (id: string, query = '') => json(await t.request('GET', `/api/v1/segments/${id}/customers${query}`))

  it('saves a segment and counts the customers meeting every condition of a group', async () => {
    const ids = await seed()
    const res = await save({ name: 'Diamond or silver, 100+', definition: diamondOrSilverRich })
    expect(res.status).toBe(201)
    const segment = await json(res)
    expect(segment).toMatchObject({ name: 'Diamond or silver, 100+', definition: diamondOrSilverRich, createdBy: expect.any(String) })
    expect(await count(segment.id)).toBe(2)
    expect((await members(segment.id)).items.map((c: Json) => c.id).sort()).toEqual([ids.diamondRich, ids.silverRich].sort())
    expect(await json(await t.request('GET', `/api/v1/segments/${segment.id}`))).toEqual(segment)
  })

  it('joins conditions with any, and groups with any or all', async () => {
    await seed()
    const anyInGroup = await json(await save({ name: 'a', definition: definition('all', group('any', { field: 'shop.tier', op: 'eq', value: 'diamond' }, { field: 'shop.balance', op: 'lte', value: 99 })) }))
    expect(await count(anyInGroup.id)).toBe(2)
    const anyGroup = await json(await save({ name: 'b', definition: definition('any', group('all', { field: 'shop.vip', op: 'eq', value: true }), group('all', { field: 'shop.tier', op: 'eq', value: 'bronze' })) }))
    expect(await count(anyGroup.id)).toBe(2)
    const allGroups = await json(await save({ name: 'c', definition: definition('all', group('all', { field: 'shop.vip', op: 'exists' }), group('all', { field: 'shop.balance', op: 'gt', value: 600 })) }))
    expect(await count(allGroups.id)).toBe(1)
    const without = await json(await save({ name: 'd', definition: definition('all', group('all', { field: 'shop.tier', op: 'exists', value: false })) }))
    expect(await count(without.id)).toBe(1)
  })

  it("offers the builder each field with its kind, values and the values' labels", async () => {
    const plugin = await json(await t.request('GET', '/api/v1/plugins/shop', { as: 'analyst' }))
    expect(plugin.profileFields.find((f: Json) => f.field === 'shop.tier')).toEqual({
      field: 'shop.tier', kind: 'enum', label: label('Tier'), values: ['diamond', 'silver', 'bronze'], valueLabels: { diamond: { en: 'Diamond', 'zh-CN': '金钻' } },
    })
  })

  it('previews the count of a definition not saved yet', async () => {
    await seed()
    const res = await t.request('POST', '/api/v1/segments/preview', { body: { definition: diamondOrSilverRich }, as: 'analyst' })
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ count: 2 })
  })

  it('leaves erased customers out', async () => {
    const ids = await seed()
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    expect((await t.request('POST', `/api/v1/customers/${ids.diamondRich}/erase`)).status).toBe(200)
    expect(await count(segment.id)).toBe(1)
  })

  it('pages the members by id with a cursor bound to the segment', async () => {
    for (let i = 0; i < 5; i++) await customer(`p-${i}`, { balance: 200 + i })
    const segment = await json(await save({ name: 'all', definition: definition('all', group('all', { field: 'shop.balance', op: 'gte', value: 1 })) }))
    const first = await members(segment.id, '?limit=2')
    const second = await members(segment.id, `?limit=2&cursor=${first.nextCursor}`)
    const third = await members(segment.id, `?limit=2&cursor=${second.nextCursor}`)
    expect(third.nextCursor).toBeNull()
    const ids = [...first.items, ...second.items, ...third.items].map((c: Json) => c.id)
    expect(ids).toHaveLength(5)
    expect([...ids].sort()).toEqual(ids)
    const other = await json(await save({ name: 'other', definition: definition('all', group('all', { field: 'shop.balance', op: 'gte', value: 1 })) }))
    const res = await t.request('GET', `/api/v1/segments/${other.id}/customers?cursor=${first.nextCursor}`)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('REQUEST_INVALID_CURSOR')
  })

  it('exports the members as CSV with their profile values, formulas defused', async () => {
    await seed()
    await customer('c-6', { tier: 'diamond', balance: 300 }, { name: '=HYPERLINK("x")' })
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    const res = await t.request('GET', `/api/v1/segments/${segment.id}/export.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toContain(`segment-${segment.id}.csv`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs to read UTF-8
    const rows = Papa.parse<Json>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => r.externalId).sort()).toEqual(['c-1', 'c-2', 'c-6'])
    expect(rows.find((r) => r.externalId === 'c-1')).toMatchObject({ name: '王芳', email: 'wang@example.com', 'shop.tier': 'diamond', 'shop.balance': '500', 'shop.vip': 'true' })
    expect(rows.find((r) => r.externalId === 'c-6')!.name).toBe(`'=HYPERLINK("x")`)
    // Who exported which segment, and how many customers it held.
    const audit = (await json(await t.request('GET', '/api/v1/audit?action=segment.exported'))).items
    expect(audit).toEqual([expect.objectContaining({ actor: expect.objectContaining({ type: 'user', name: 'owner' }), target: expect.objectContaining({ type: 'segment', id: segment.id }), details: { name: 'rich', rows: 3 } })])
  })

  it('replaces and deletes a segment, each audit-logged', async () => {
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    const replaced = await t.request('PUT', `/api/v1/segments/${segment.id}`, { body: { name: 'Only diamond', definition: definition('all', group('all', { field: 'shop.tier', op: 'eq', value: 'diamond' })) } })
    expect(replaced.status).toBe(200)
    expect(await json(replaced)).toMatchObject({ id: segment.id, name: 'Only diamond' })
    expect((await json(await t.request('GET', '/api/v1/segments'))).items.map((s: Json) => s.name)).toEqual(['Only diamond'])
    expect((await t.request('DELETE', `/api/v1/segments/${segment.id}`)).status).toBe(200)
    for (const [method, path] of [['GET', ''], ['GET', '/count'], ['GET', '/customers'], ['GET', '/export.csv'], ['DELETE', ''], ['PUT', '']] as const) {
      const res = await t.request(method, `/api/v1/segments/${segment.id}${path}`, method === 'PUT' ? { body: { name: 'x', definition: diamondOrSilverRich } } : {})
      expect(res.status, `${method} ${path}`).toBe(404)
      expect((await json(res)).error.code).toBe('SEGMENT_NOT_FOUND')
    }
    const audit = await json(await t.request('GET', '/api/v1/audit?targetType=segment'))
    expect(audit.items.map((e: Json) => e.action).sort()).toEqual(['segment.created', 'segment.deleted', 'segment.updated'])
  })

  it.each([
    ['an unknown field', group('all', { field: 'shop.tier', op: 'eq', value: 'diamond' }, { field: 'shop.nothing', op: 'eq', value: 1 }), 'definition.groups.0.conditions.1', 'unknown profile field shop.nothing'],
    ['a value the enum lacks', group('all', { field: 'shop.tier', op: 'in', value: ['diamond', 'gold'] }), 'definition.groups.0.conditions.0', 'shop.tier'],
    ['a number that is text', group('all', { field: 'shop.balance', op: 'gte', value: 'lots' }), 'definition.groups.0.conditions.0', 'shop.balance'],
    ['in with one value', group('all', { field: 'shop.tier', op: 'in', value: 'diamond' }), 'definition.groups.0.conditions.0', 'in takes a list'],
    ['gte with a list', group('all', { field: 'shop.balance', op: 'gte', value: [1, 2] }), 'definition.groups.0.conditions.0', 'takes one value'],
    ['a comparison without a value', group('all', { field: 'shop.balance', op: 'lte' }), 'definition.groups.0.conditions.0', 'needs a value'],
  ])('refuses %s with a 400 naming the condition, saving nothing', async (_what, bad, path, message) => {
    const res = await save({ name: 'bad', definition: definition('all', group('all', { field: 'shop.vip', op: 'exists' }), bad) })
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('REQUEST_INVALID')
    expect(body.error.details.issues[0].path).toBe(path.replace('groups.0', 'groups.1'))
    expect(body.error.details.issues[0].message).toContain(message)
    expect((await json(await t.request('GET', '/api/v1/segments'))).items).toEqual([])
  })

  it.each([
    ['no groups', { name: 'x', definition: { match: 'all', groups: [] } }],
    ['an empty group', { name: 'x', definition: definition('all', group('all')) }],
    ['an unknown operator', { name: 'x', definition: definition('all', group('all', { field: 'shop.tier', op: 'near', value: 'x' })) }],
    ['no name', { name: ' ', definition: diamondOrSilverRich }],
    ['an unknown key', { name: 'x', definition: diamondOrSilverRich, owner: 'me' }],
  ])('refuses %s with a coded 400', async (_what, body) => {
    const res = await save(body)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('REQUEST_INVALID')
  })

  it('lets analysts read but not write or export, and API keys by scope', async () => {
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }, 'agent'))
    expect((await save({ name: 'x', definition: diamondOrSilverRich }, 'analyst')).status).toBe(403)
    expect((await t.request('GET', `/api/v1/segments/${segment.id}/count`, { as: 'analyst' })).status).toBe(200)
    expect((await t.request('DELETE', `/api/v1/segments/${segment.id}`, { as: 'analyst' })).status).toBe(403)
    const reader = await t.apiKey(['customers:read'])
    expect((await t.request('GET', '/api/v1/segments', { as: { apiKey: reader } })).status).toBe(200)
    // The CSV is personal data in bulk: owners and admins only, never an API key.
    for (const as of ['analyst', 'agent', { apiKey: reader }] as const) {
      const res = await t.request('GET', `/api/v1/segments/${segment.id}/export.csv`, { as })
      expect(res.status).toBe(403)
      expect((await json(res)).error.code).toBe('AUTH_FORBIDDEN')
    }
    expect((await t.request('GET', `/api/v1/segments/${segment.id}/export.csv`, { as: 'admin' })).status).toBe(200)
    expect((await t.request('POST', '/api/v1/segments', { as: { apiKey: reader }, body: { name: 'x', definition: diamondOrSilverRich } })).status).toBe(403)
    expect((await t.request('GET', '/api/v1/segments', { as: 'anonymous' })).status).toBe(401)
  })

  it('narrows the dashboard to a saved segment, together with filters', async () => {
    await seed()
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    const widget = async (query: string) => {
      const res = await t.request('GET', `/api/v1/dashboard${query}`)
      expect(res.status, await res.clone().text()).toBe(200)
      return (await json(res)).widgets.find((w: Json) => w.id === 'members').data
    }
    expect(await widget('')).toEqual({ members: 5, filtered: false })
    expect(await widget(`?segment=${segment.id}`)).toEqual({ members: 2, filtered: true })
    expect(await widget(`?segment=${segment.id}&filter=shop.vip:eq:true`)).toEqual({ members: 1, filtered: true })
    const missing = await t.request('GET', '/api/v1/dashboard?segment=seg_nothing')
    expect(missing.status).toBe(404)
    expect((await json(missing)).error.code).toBe('SEGMENT_NOT_FOUND')
  })

  it('gives plugins ctx.segments: the list, and membership seen inside a transaction', async () => {
    const ids = await seed()
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    expect(await shopCtx!.segments.list()).toEqual([{ id: segment.id, name: 'rich' }])
    expect(await shopCtx!.segments.contains(segment.id, ids.diamondRich)).toBe(true)
    expect(await shopCtx!.segments.contains(segment.id, ids.silverPoor)).toBe(false)
    const seenInside = await t.db.tx(async (tx) => {
      await shopCtx!.updateProfile(tx, ids.silverPoor, { 'shop.balance': { add: 1 } }, { id: 'test-top-up' })
      return shopCtx!.segments.contains(segment.id, ids.silverPoor, tx)
    })
    expect(seenInside).toBe(true)
    expect(await shopCtx!.segments.contains('seg_deleted', ids.diamondRich)).toBe(false)
  })

  it('reports a segment whose field no enabled plugin declares as stale (409); plugins see no members', async () => {
    const ids = await seed()
    const segment = await json(await save({ name: 'rich', definition: diamondOrSilverRich }))
    // The field's owner stays; a second plugin's field is what goes away with its plugin.
    const fields = t.services.runtime.fields() as Map<string, unknown>
    const spec = fields.get('shop.balance')
    fields.delete('shop.balance')
    try {
      const res = await t.request('GET', `/api/v1/segments/${segment.id}/count`)
      expect(res.status).toBe(409)
      expect((await json(res)).error).toMatchObject({ code: 'SEGMENT_STALE', message: expect.stringContaining('shop.balance') })
      expect(await shopCtx!.segments.contains(segment.id, ids.diamondRich)).toBe(false)
    } finally {
      fields.set('shop.balance', spec)
    }
  })
})
