import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importCsv, type ImportReport } from '../src/imports/import-csv.js'
import { createTestApp, dialects, type As, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n'

const customersCsv = csv(
  '\uFEFFexternalId,name,email,phone,locale,timeZone,attributes.tier',
  'crm-1, 王芳 ,wang.fang@example.cn,+86 138-0013-8000,zh-cn,Asia/Shanghai,gold',
  '',
  'crm-2,"Li, Lei",,,en,,',
)

describe.each(dialects)('CSV imports on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const post = (kind: 'customers' | 'orders', body: string, { mode, as = 'owner' }: { mode?: string; as?: As } = {}) =>
    t.request('POST', `/api/v1/imports/${kind}${mode ? `?mode=${mode}` : ''}`, { rawBody: body, as, headers: { 'content-type': 'text/csv; charset=utf-8' } })
  const customers = async () => (await json(await t.request('GET', '/api/v1/customers?limit=100'))).items as Json[]
  const events = async () => (await json(await t.request('GET', '/api/v1/events?limit=200'))).items as Json[]

  it('imports a customers CSV (BOM, quotes, empty lines, attributes)', async () => {
    const res = await post('customers', customersCsv)
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ kind: 'customers', mode: 'all-or-nothing', rows: 2, imported: 2, duplicates: 0, invalid: [], committed: true })
    const byId = Object.fromEntries((await customers()).map((c) => [c.externalId, c]))
    expect(byId['crm-1']).toMatchObject({ name: '王芳', email: 'wang.fang@example.cn', phone: '+86 138-0013-8000', locale: 'zh-CN', timeZone: 'Asia/Shanghai', attributes: { tier: 'gold' } })
    expect(byId['crm-2']).toMatchObject({ name: 'Li, Lei', email: null, locale: 'en', attributes: {} })
  })

  it('refuses the whole file with 422 when rows are invalid (all-or-nothing) and stores nothing', async () => {
    const body = csv(
      'externalId,name,email,birthday',
      'crm-1,Wang,wang@example.cn,1990-05-17',
      'crm-2,Li,not-an-email,1990-02-30',
      'crm-3,Zhao,,',
      ',Nobody,,',
    )
    const res = await post('customers', body)
    expect(res.status).toBe(422)
    const { error } = await json(res)
    expect(error.code).toBe('IMPORT_INVALID_ROWS')
    expect(error.details).toMatchObject({ kind: 'customers', mode: 'all-or-nothing', rows: 4, imported: 0, duplicates: 0, committed: false })
    expect(error.details.invalid).toEqual([
      { row: 3, errors: [{ column: 'email', message: expect.any(String) }, { column: 'birthday', message: 'is not a real date' }] },
      { row: 5, errors: [{ column: 'externalId', message: 'is required' }] },
    ])
    expect(await customers()).toEqual([])
  })

  it('writes the valid rows and reports the others in valid-only mode', async () => {
    const res = await post('customers', csv('externalId,locale', 'crm-1,zh-CN', 'crm-2,klingon-tongue', 'crm-3,en', 'crm-4,en,extra'), { mode: 'valid-only' })
    expect(res.status).toBe(200)
    const report = (await json(res)) as ImportReport
    expect(report).toMatchObject({ mode: 'valid-only', rows: 4, imported: 2, duplicates: 0, committed: true })
    expect(report.invalid).toEqual([
      { row: 3, errors: [{ column: 'locale', message: 'is not a BCP-47 language tag' }] },
      { row: 5, errors: [{ column: '(row)', message: 'has 3 cells, the header has 2' }] },
    ])
    expect((await customers()).map((c) => c.externalId).sort()).toEqual(['crm-1', 'crm-3'])
  })

  it('refuses missing, unknown and repeated columns with 422', async () => {
    const cases: Array<[kind: 'customers' | 'orders', body: string, code: string, details: Json]> = [
      ['customers', csv('name,email', 'Wang,w@example.cn'), 'IMPORT_MISSING_COLUMNS', { missing: ['externalId'] }],
      ['customers', '', 'IMPORT_MISSING_COLUMNS', { missing: ['externalId'] }],
      ['orders', csv('orderId,customerExternalId,currency,occurredAt', 'SO-1,c-1,CNY,2026-05-01T10:00:00Z'), 'IMPORT_MISSING_COLUMNS', { missing: ['amountMinor or amount'] }],
      ['customers', csv('externalId,emial', 'c-1,w@example.cn'), 'IMPORT_UNKNOWN_COLUMNS', { unknown: ['emial'] }],
      ['customers', csv('externalId,name,name', 'c-1,a,b'), 'IMPORT_DUPLICATE_COLUMNS', { duplicated: ['name'] }],
    ]
    for (const [kind, body, code, details] of cases) {
      const res = await post(kind, body)
      expect(res.status, body).toBe(422)
      expect((await json(res)).error).toMatchObject({ code, details })
    }
    expect(await customers()).toEqual([])
  })

  it('imports orders, converting decimal amounts exactly by currency exponent', async () => {
    const body = csv(
      'orderId,customerExternalId,amount,currency,occurredAt,channel',
      'SO-1,crm-1,129.00,CNY,2026-05-01T10:00:00+08:00,store',
      'SO-2,crm-1,0.29,USD,2026-05-01T11:00:00Z,',
      'SO-3,crm-2,1500,JPY,2026-05-02T09:00:00+09:00,web',
      'SO-4,crm-2,12.5,KWD,2026-05-02T09:00:00Z,',
    )
    const res = await post('orders', body)
    expect(await json(res)).toEqual({ kind: 'orders', mode: 'all-or-nothing', rows: 4, imported: 4, duplicates: 0, invalid: [], committed: true })
    const stored = Object.fromEntries((await events()).map((e) => [e.payload.orderId, e]))
    expect(stored['SO-1']).toMatchObject({ type: 'order.completed', source: 'import', occurredAt: '2026-05-01T02:00:00.000Z', payload: { amountMinor: 12900, currency: 'CNY', channel: 'store' } })
    expect(stored['SO-2']!.payload).toEqual({ orderId: 'SO-2', amountMinor: 29, currency: 'USD' })
    expect(stored['SO-3']!.payload.amountMinor).toBe(1500)
    expect(stored['SO-4']!.payload.amountMinor).toBe(12500)
    expect((await customers()).map((c) => c.externalId).sort()).toEqual(['crm-1', 'crm-2'])
  })

  it('reports amounts that cannot be converted exactly, and other bad order cells, by column', async () => {
    const body = csv(
      'id,orderId,customerExternalId,amountMinor,amount,currency,occurredAt,channel',
      ',SO-1,crm-1,,1.005,USD,2026-05-01T10:00:00Z,',
      ',SO-2,crm-1,,100.5,JPY,2026-05-01T10:00:00Z,',
      ',SO-3,crm-1,12.5,,CNY,2026-05-01T10:00:00Z,',
      ',SO-4,crm-1,100,,cny,2026-05-01 10:00,fax',
      ',SO-5,,,,CNY,2026-05-01T10:00:00Z,',
      'own-id,SO-6,crm-1,100,,CNY,2026-05-01T10:00:00Z,',
    )
    const res = await post('orders', body, { mode: 'valid-only' })
    const report = await json(res)
    expect(report).toMatchObject({ rows: 6, imported: 1, committed: true })
    const byRow = Object.fromEntries(report.invalid.map((r: Json) => [r.row, r.errors.map((e: Json) => `${e.column}: ${e.message}`)]))
    expect(byRow[2]).toEqual(['amount: has more than 2 decimals for USD'])
    expect(byRow[3]).toEqual(['amount: has more than 0 decimals for JPY'])
    expect(byRow[4]).toEqual(['amountMinor: must be a whole number of minor units, such as 12900'])
    expect(byRow[5]!.map((e: string) => e.split(':')[0]).sort()).toEqual(['channel', 'currency', 'occurredAt'])
    expect(byRow[6]).toEqual(['customerExternalId: is required', 'amountMinor: is required (or give amount)'])
    const [only] = await events()
    expect(only).toMatchObject({ payload: { orderId: 'SO-6', amountMinor: 100 } })
  })

  it('reports a re-import as duplicates and stores nothing twice', async () => {
    const orders = csv('orderId,customerExternalId,amountMinor,currency,occurredAt', 'SO-1,crm-1,100,CNY,2026-05-01T10:00:00Z', 'SO-2,crm-2,200,CNY,2026-05-01T10:00:00Z', 'SO-2,crm-2,200,CNY,2026-05-01T10:00:00Z')
    expect(await json(await post('orders', orders))).toMatchObject({ rows: 3, imported: 2, duplicates: 1 })
    expect(await json(await post('orders', orders))).toMatchObject({ rows: 3, imported: 0, duplicates: 3 })
    expect(await events()).toHaveLength(2)

    await post('customers', customersCsv)
    const again = await json(await post('customers', csv('externalId,name', 'crm-1,Wang Fang', 'crm-2,')))
    expect(again).toMatchObject({ rows: 2, imported: 0, duplicates: 2, committed: true })
    const byId = Object.fromEntries((await customers()).map((c) => [c.externalId, c]))
    expect(byId['crm-1']).toMatchObject({ name: 'Wang Fang', email: 'wang.fang@example.cn' })
    expect(byId['crm-2']).toMatchObject({ name: 'Li, Lei' })
  })

  it('is for owners, admins and imports:write keys, with a text/csv body', async () => {
    const body = csv('externalId', 'crm-1')
    expect((await post('customers', body, { as: 'anonymous' })).status).toBe(401)
    expect((await post('customers', body, { as: 'agent' })).status).toBe(403)
    expect((await post('orders', body, { as: 'analyst' })).status).toBe(403)
    expect((await post('customers', body, { as: { apiKey: await t.apiKey(['customers:write', 'events:write']) } })).status).toBe(403)
    expect((await post('customers', body, { as: { apiKey: await t.apiKey(['imports:write']) } })).status).toBe(200)
    expect((await post('customers', body, { as: 'admin' })).status).toBe(200)
    expect((await post('customers', body, { mode: 'some' })).status).toBe(400)
    const asJson = await t.request('POST', '/api/v1/imports/customers', { body: { externalId: 'crm-1' } })
    expect(asJson.status).toBe(415)
  })

  it('records import.completed in the audit log with counts only', async () => {
    await post('customers', customersCsv)
    await post('customers', csv('externalId,email', 'crm-1,bad'))
    const audit = await t.db.all<{ action: string; actor_type: string; details: string }>("SELECT action, actor_type, details FROM core_audit_log WHERE action LIKE 'import.%'")
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'import.completed', actor_type: 'user' })
    expect(JSON.parse(audit[0]!.details)).toEqual({ kind: 'customers', mode: 'all-or-nothing', rows: 2, imported: 2, duplicates: 0, invalid: 0 })
    expect(audit[0]!.details).not.toContain('wang')
  })

  it('reports progress every 10,000 rows when called directly', async () => {
    const rows = 20_500
    const lines = ['orderId,customerExternalId,amountMinor,currency,occurredAt']
    for (let i = 0; i < rows; i++) lines.push(`SO-${i},crm-${i % 100},${i},CNY,2026-05-01T10:00:00Z`)
    const progress: Json[] = []
    const report = await importCsv(t.services, 'orders', csv(...lines), { caller: { kind: 'apiKey', keyId: 'k', scopes: ['imports:write'] }, onProgress: (p) => progress.push(p) })
    expect(report).toMatchObject({ rows, imported: rows, duplicates: 0, committed: true })
    expect(progress).toEqual([
      { rowsRead: 10_000, rowsImported: 0 }, { rowsRead: 20_000, rowsImported: 0 },
      { rowsRead: rows, rowsImported: 10_000 }, { rowsRead: rows, rowsImported: 20_000 }, { rowsRead: rows, rowsImported: rows },
    ])
    expect((await json(await t.request('GET', '/api/v1/customers?limit=200'))).items).toHaveLength(100)
  }, 120_000)
})
