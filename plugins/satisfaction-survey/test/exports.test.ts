import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { richSurveyJson, seedResponses } from './analytics-seed.js'
import { asCustomer, base, invite, publishedSurvey, refusal } from './survey-client.js'

// A forced collection before each heap sample measures what the export keeps alive, not garbage.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// The survey's questions nps and csat are named like fixed columns: their columns take the import's spelling.
// Only store shows an "other" item, so only it has a -Comment column.
const HEADER = ['responseId', 'surveyId', 'version', 'channel', 'status', 'customerId', 'locale', 'startedAt', 'completedAt', 'nps', 'csat', 'ces',
  'answers.nps', 'answers.csat', 'store', 'store-Comment', 'liked', 'visits', 'again', 'aspects', 'wishes', 'why', 'hidden', 'profileSnapshot']

/** 100k completed responses with a 200-character comment each, written in one statement. */
async function seedBulk(host: TestHost, surveyId: string, n: number): Promise<void> {
  const versionId = (await host.db.get<{ id: string }>('SELECT id FROM satisfaction_versions WHERE survey_id = ?', [surveyId]))!.id
  const filler = 'x'.repeat(200)
  const columns = `id, survey_id, version_id, version, customer_id, channel, status, locale, answers, hidden, profile_snapshot, nps, started_at, updated_at, completed_at`
  if (host.db.dialect === 'sqlite') {
    await host.db.run(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO satisfaction_responses (${columns}) SELECT 'srv_bulk' || i, ?, ?, 1, 'c' || (i % 500), 'link', 'completed', 'zh-CN',
        '{"nps":' || (i % 11) || ',"why":"' || i || ' ${filler}"}', '{}', '{"tiering.tier":"silver"}', i % 11, t, t, t
      FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds') AS t FROM n)`, [n, surveyId, versionId])
  } else {
    await host.db.run(`INSERT INTO satisfaction_responses (${columns}) SELECT 'srv_bulk' || i, ?, ?, 1, 'c' || (i % 500), 'link', 'completed', 'zh-CN',
        '{"nps":' || (i % 11) || ',"why":"' || i || ' ${filler}"}', '{}', '{"tiering.tier":"silver"}', i % 11, t, t, t
      FROM (SELECT i, to_char(TIMESTAMP '2026-01-01' + i * INTERVAL '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t FROM generate_series(1, ?::integer) i) s`, [surveyId, versionId, n])
  }
}

/** Reads a streamed body chunk by chunk, sampling the live heap every few chunks; keeps only the tail. */
async function drain(res: Response, onText?: (text: string) => void): Promise<{ bytes: number; maxHeapGrowth: number }> {
  gc()
  const baseline = process.memoryUsage().heapUsed
  let maxHeapGrowth = 0
  let bytes = 0
  let chunks = 0
  const decoder = new TextDecoder()
  const reader = res.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    onText?.(decoder.decode(value, { stream: true }))
    if (++chunks % 20 === 0) {
      gc()
      maxHeapGrowth = Math.max(maxHeapGrowth, process.memoryUsage().heapUsed - baseline)
    }
  }
  return { bytes, maxHeapGrowth }
}

describe.each(dialects)('response exports on %s', (dialect) => {
  let host: TestHost
  let surveyId: string
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    surveyId = (await publishedSurvey(host, { name: 'Rich', json: richSurveyJson, scores: { nps: 'nps', csat: 'csat' } })).id
  })
  afterAll(() => host.close())

  it('exports answers as CSV with a BOM, one column per question, lists joined, matrix as JSON and formulas defused', async () => {
    const customerId = await host.customer()
    const me = asCustomer(host, (await invite(host, surveyId, customerId, { hidden: { orderId: 'o1' } })).token)
    const answers = { nps: 9, csat: 4, store: 'other', 'store-Comment': '=HYPERLINK("x")', liked: ['price', 'staff'], again: false, aspects: { speed: 'good' }, wishes: ['b', 'a', 'c'], why: '很好, "quoted"\nnext line' }
    expect((await me.complete(surveyId, answers)).status).toBe(201)
    await seedResponses(host, [{ surveyId, at: '2026-01-05T00:00:00.000Z', channel: 'public', nps: 3, answers: { nps: 3 } }])
    const res = await host.as('admin').get(`${base}/exports/responses.csv?surveyId=${surveyId}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="responses-${surveyId}.csv"`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const { data } = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true })
    expect(data[0]).toEqual(HEADER)
    expect(data).toHaveLength(3)
    const [newer, seeded] = [data[1]!, data[2]!]
    expect(seeded.slice(3, 5)).toEqual(['public', 'completed'])
    expect(new Set(data[0]).size).toBe(data[0]!.length)
    const cell = (row: string[], name: string) => row[HEADER.indexOf(name)]
    expect([cell(newer, 'nps'), cell(newer, 'answers.nps'), cell(newer, 'answers.csat')]).toEqual(['9', '9', '4'])
    expect(cell(newer, 'customerId')).toBe(customerId)
    expect(cell(newer, 'store-Comment')).toBe(`'=HYPERLINK("x")`)
    expect(cell(newer, 'liked')).toBe('price; staff')
    expect(cell(newer, 'wishes')).toBe('b; a; c')
    expect(cell(newer, 'again')).toBe('false')
    expect(JSON.parse(cell(newer, 'aspects')!)).toEqual({ speed: 'good' })
    expect(cell(newer, 'why')).toBe(answers.why)
    expect(JSON.parse(cell(newer, 'hidden')!)).toEqual({ orderId: 'o1' })
    const narrowed = Papa.parse<string[]>(await (await host.http.get(`${base}/exports/responses.csv?surveyId=${surveyId}&channel=public&from=2026-01-05&to=2026-01-05`)).text(), { skipEmptyLines: true })
    expect(narrowed.data).toHaveLength(2)
  })

  it('exports the same rows as an XLSX workbook', async () => {
    await seedResponses(host, [
      { surveyId, at: '2026-01-05T00:00:00.000Z', nps: 10, answers: { nps: 10, liked: ['speed'], why: '第一' } },
      { surveyId, at: '2026-01-06T00:00:00.000Z', nps: 2, answers: { nps: 2, aspects: { price: 'bad' } } },
    ])
    const res = await host.as('admin').get(`${base}/exports/responses.xlsx?surveyId=${surveyId}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.getWorksheet('responses')!
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(rows[0]).toEqual(HEADER)
    expect(rows).toHaveLength(3)
    expect(rows[1]![HEADER.indexOf('nps')]).toBe(10)
    expect(rows[1]![HEADER.indexOf('liked')]).toBe('speed')
    expect(rows[1]![HEADER.indexOf('why')]).toBe('第一')
    expect(rows[2]![HEADER.indexOf('aspects')]).toBe('{"price":"bad"}')
  })

  it('caps XLSX cells at 32,767 characters with a truncation marker; the CSV keeps the whole text', async () => {
    const long = `${'长'.repeat(39_999)}!`
    await seedResponses(host, [{ surveyId, at: '2026-01-05T00:00:00.000Z', nps: 10, answers: { nps: 10, why: long } }])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await host.as('admin').get(`${base}/exports/responses.xlsx?surveyId=${surveyId}`)).arrayBuffer())
    const why = (workbook.getWorksheet('responses')!.getRow(2).values as unknown[])[HEADER.indexOf('why') + 1] as string
    expect(why).toHaveLength(32_767)
    expect(why.startsWith('长长长')).toBe(true)
    expect(why).toMatch(/… \[truncated: \d+ more characters\]$/)
    // What was kept and what the marker says was dropped add up to the whole answer.
    expect(why.indexOf('…') + Number(why.match(/(\d+) more/)![1])).toBe(long.length)
    const { data } = Papa.parse<string[]>(await (await host.http.get(`${base}/exports/responses.csv?surveyId=${surveyId}`)).text(), { skipEmptyLines: true })
    expect(data[1]![HEADER.indexOf('why')]).toBe(long)
  })

  it('streams 100k responses as CSV and XLSX in pages, with the heap staying far below the size of the data', async () => {
    await seedBulk(host, surveyId, 100_000)
    let lines = 0
    let tail = ''
    const csv = await drain(await host.as('admin').get(`${base}/exports/responses.csv?surveyId=${surveyId}`), (text) => {
      const parts = (tail + text).split('\r\n')
      tail = parts.pop()!
      lines += parts.length
    })
    expect(lines).toBe(100_001)
    expect(csv.bytes).toBeGreaterThan(25_000_000)
    expect(csv.maxHeapGrowth).toBeLessThan(csv.bytes / 4)
    const xlsx = await drain(await host.as('admin').get(`${base}/exports/responses.xlsx?surveyId=${surveyId}`))
    expect(xlsx.bytes).toBeGreaterThan(1_000_000)
    expect(xlsx.maxHeapGrowth).toBeLessThan(csv.bytes / 4)
  }, 180_000)

  it('refuses an export without a survey, of an unknown survey or version, and to anonymous callers', async () => {
    expect((await refusal(await host.http.get(`${base}/exports/responses.csv`), 400)).code).toBe('REQUEST_INVALID')
    expect((await refusal(await host.http.get(`${base}/exports/responses.csv?surveyId=nope`), 404)).code).toBe('SURVEY_NOT_FOUND')
    expect((await refusal(await host.http.get(`${base}/exports/responses.xlsx?surveyId=${surveyId}&version=3`), 404)).code).toBe('SURVEY_VERSION_NOT_FOUND')
    expect((await refusal(await host.http.get(`${base}/exports/responses.csv?surveyId=${surveyId}&status=deleted`), 400)).code).toBe('REQUEST_INVALID')
    expect((await host.as('anonymous').get(`${base}/exports/responses.csv?surveyId=${surveyId}`)).status).toBe(401)
    expect((await refusal(await host.as('analyst').get(`${base}/exports/responses.csv?surveyId=${surveyId}`), 403)).code).toBe('AUTH_FORBIDDEN')
  })

  it('records each export in the audit log: who, which survey, which format, how many rows', async () => {
    await seedResponses(host, [
      { surveyId, at: '2026-01-05T00:00:00.000Z', channel: 'public', nps: 3, answers: { nps: 3 } },
      { surveyId, at: '2026-01-06T00:00:00.000Z', channel: 'public', nps: 10, answers: { nps: 10 } },
    ])
    await (await host.as('admin').get(`${base}/exports/responses.xlsx?surveyId=${surveyId}`)).arrayBuffer()
    const audit = await (await host.http.get('/api/v1/audit?action=satisfaction.responses-exported')).json() as { items: Array<Record<string, unknown>> }
    expect(audit.items).toEqual([expect.objectContaining({
      actor: expect.objectContaining({ type: 'user', name: 'admin' }), target: expect.objectContaining({ type: 'survey', id: surveyId }),
      details: { format: 'xlsx', status: 'completed', rows: 2, plugin: 'satisfaction-survey' },
    })])
  })
})
