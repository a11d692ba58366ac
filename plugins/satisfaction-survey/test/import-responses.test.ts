import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { analytics } from './analytics-seed.js'
import { base, invite, publishedSurvey, refusal, responsesOf } from './survey-client.js'

const IMPORT = `${base}/imports/responses`

/** Four past responses over three months: 2025-11 one promoter, 2025-12 one detractor (zh comment), 2026-01 a passive and a promoter. */
const HISTORY = [
  'responseId,customerExternalId,answeredAt,answers.nps,answers.why,answers.channel',
  'Q-1,crm-1,2025-11-03T10:00:00+08:00,10,,store',
  'Q-2,crm-2,2025-12-15T09:30:00+08:00,3,送货太慢了，客服也没回复,web',
  'Q-3,crm-1,2026-01-20T12:00:00Z,8,,app',
  'Q-4,crm-2,2026-01-25T12:00:00Z,9,,',
].join('\n')

/** One good row, five bad ones (each a different coded error), one good. */
const MIXED = [
  'responseId,customerExternalId,answeredAt,answers.nps,answers.why,answers.colour',
  'B-1,crm-1,2026-02-01T10:00:00Z,10,,',
  'B-2,crm-1,2026-02-02T10:00:00Z,11,,',
  'B-3,crm-1,2026-02-03T10:00:00Z,9,,red',
  'B-4,crm-404,2026-02-04T10:00:00Z,9,,',
  'B-5,crm-2,yesterday,9,,',
  'B-6,crm-2,2026-02-06T10:00:00Z,4,,',
  'B-7,crm-2,2026-02-07T10:00:00Z,7,,',
].join('\n')

describe.each(dialects)('importing past survey responses on %s', (dialect) => {
  let host: TestHost
  let importKey: string
  let dir: string
  let survey: { id: string; name: string }
  let customers: Record<string, string>

  const postCsv = (csv: string, query = '', key = importKey) => host.fetch(new Request(`http://rapport.test${IMPORT}${query}`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv; charset=utf-8' }, body: csv,
  }))
  const events = async (customerId: string) => {
    const res = await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`)
    return (((await res.json()) as any).items as Array<{ type: string; occurredAt: string; payload: any }>).filter((e) => e.type.startsWith('survey.')).reverse()
  }

  beforeAll(async () => {
    host = await createTestHost({ plugins: [satisfactionSurvey], dialect })
    dir = mkdtempSync(join(tmpdir(), 'rapport-import-responses-'))
  }, 60_000)
  beforeEach(async () => {
    await host.reset()
    importKey = await host.apiKey(['imports:write'])
    survey = await publishedSurvey(host)
    customers = { 'crm-1': await host.customer({ externalId: 'crm-1' }), 'crm-2': await host.customer({ externalId: 'crm-2', email: 'Wang.Fang@example.cn' }) }
  })
  afterAll(async () => { rmSync(dir, { recursive: true, force: true }); await host.close() })

  it('stores each response on its answered-at date, so the monthly NPS trend, the events and the profile are true history', async () => {
    const res = await postCsv(HISTORY, `?survey=${survey.id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ kind: 'responses', mode: 'all-or-nothing', rows: 4, imported: 4, duplicates: 0, invalid: [], committed: true })

    const nps = await analytics(host, '/analytics/nps?from=2025-11-01&to=2026-01-31&bucket=month')
    expect(nps.trend.map((t: { period: string; responses: number; nps: number }) => [t.period, t.responses, t.nps])).toEqual([
      ['2025-11-01', 1, 100], ['2025-12-01', 1, -100], ['2026-01-01', 2, 50],
    ])
    const stored = await responsesOf(host, `surveyId=${survey.id}`)
    expect(stored.map((r) => [r.id, r.channel, r.completedAt])).toEqual([
      ['imp_Q-4', 'import', '2026-01-25T12:00:00.000Z'], ['imp_Q-3', 'import', '2026-01-20T12:00:00.000Z'],
      ['imp_Q-2', 'import', '2025-12-15T01:30:00.000Z'], ['imp_Q-1', 'import', '2025-11-03T02:00:00.000Z'],
    ])
    expect(stored.find((r) => r.id === 'imp_Q-2').answers).toEqual({ nps: 3, why: '送货太慢了，客服也没回复', channel: 'web' })

    expect((await events(customers['crm-2']!)).map((e) => [e.type, e.occurredAt, e.payload.nps])).toEqual([
      ['survey.response.completed', '2025-12-15T01:30:00.000Z', 3], ['survey.detractor', '2025-12-15T01:30:00.000Z', 3],
      ['survey.response.completed', '2026-01-25T12:00:00.000Z', 9],
    ])
    expect(await host.profile(customers['crm-2']!)).toMatchObject({
      'satisfaction.responses': 2, 'satisfaction.lastNps': 9, 'satisfaction.npsCategory': 'promoter', 'satisfaction.lastRespondedAt': '2026-01-25T12:00:00.000Z',
    })
  })

  it('reports a repeated import as duplicates and writes nothing again', async () => {
    await postCsv(HISTORY, `?survey=${survey.id}`)
    const before = await events(customers['crm-1']!)
    const again = await postCsv(HISTORY, `?survey=${encodeURIComponent(survey.name)}`)
    expect(await again.json()).toEqual({ kind: 'responses', mode: 'all-or-nothing', rows: 4, imported: 0, duplicates: 4, invalid: [], committed: true })
    expect(await events(customers['crm-1']!)).toEqual(before)
    expect(await responsesOf(host, `surveyId=${survey.id}`)).toHaveLength(4)
  })

  it('reports bad rows with coded errors named by column, and stores the good rows in valid-only mode', async () => {
    const res = await postCsv(MIXED, `?survey=${survey.id}&mode=valid-only`)
    expect(res.status).toBe(200)
    const report: any = await res.json()
    expect(report).toMatchObject({ rows: 7, imported: 2, duplicates: 0, committed: true })
    expect(report.invalid.map((r: { row: number; errors: Array<{ column: string; code: string }> }) => [r.row, r.errors.map((e) => [e.column, e.code])])).toEqual([
      [3, [['answers.nps', 'SURVEY_ANSWER_INVALID']]],
      [4, [['answers.colour', 'SURVEY_ANSWER_INVALID']]],
      [5, [['customerExternalId', 'SURVEY_IMPORT_CUSTOMER_UNKNOWN']]],
      [6, [['answeredAt', 'SURVEY_IMPORT_CELL_INVALID']]],
      [7, [['answers.why', 'SURVEY_ANSWER_RULES']]],
    ])
    expect((await responsesOf(host, `surveyId=${survey.id}`)).map((r) => r.id).sort()).toEqual(['imp_B-1', 'imp_B-7'])
  })

  it('writes nothing in all-or-nothing mode when a row is invalid (422 with the report)', async () => {
    const { code, details } = await refusal(await postCsv(MIXED, `?survey=${survey.id}`), 422)
    expect(code).toBe('IMPORT_INVALID_ROWS')
    expect(details).toMatchObject({ rows: 7, imported: 0, committed: false })
    expect(details.invalid).toHaveLength(5)
    expect(await responsesOf(host, `surveyId=${survey.id}`)).toEqual([])
  })

  it('takes JSON rows as a live submission takes answers: typed values, customers by email, any language', async () => {
    const rows = [
      { responseId: 'J-1', customerEmail: 'wang.fang@example.cn', surveyId: survey.id, answeredAt: '2025-08-08T08:00:00+08:00', answers: { nps: 2, why: '质量很差' } },
      { responseId: 'J-2', customerEmail: 'wang.fang@example.cn', surveyId: survey.id, answeredAt: '2025-09-01T08:00:00Z', answers: { nps: '9' } },
    ]
    const res = await host.http.post(`${IMPORT}?mode=valid-only`, { rows })
    expect(res.status).toBe(200)
    const report = await res.json()
    expect(report).toMatchObject({ rows: 2, imported: 1, invalid: [{ row: 2, errors: [{ column: 'answers.nps', code: 'SURVEY_ANSWER_INVALID' }] }] })
    expect((await events(customers['crm-2']!)).map((e) => [e.type, e.occurredAt])).toEqual([
      ['survey.response.completed', '2025-08-08T00:00:00.000Z'], ['survey.detractor', '2025-08-08T00:00:00.000Z'],
    ])
  })

  it('refuses a bad header or an unknown survey as a whole', async () => {
    expect((await refusal(await postCsv('responseId,customerExternalId,answers.nps\nQ-1,crm-1,9', `?survey=${survey.id}`), 422)).code).toBe('IMPORT_MISSING_COLUMNS')
    expect((await refusal(await postCsv('responseId,respondent,answeredAt\nQ-1,crm-1,2026-01-01T00:00:00Z', `?survey=${survey.id}`), 422)).code).toBe('IMPORT_UNKNOWN_COLUMNS')
    expect((await refusal(await postCsv(HISTORY, '?survey=no-such-survey'), 404)).code).toBe('SURVEY_NOT_FOUND')
    const noSurvey: any = await (await postCsv(HISTORY, '?mode=valid-only')).json()
    expect(noSurvey.invalid[0].errors).toEqual([expect.objectContaining({ column: 'surveyId', code: 'SURVEY_IMPORT_CELL_INVALID' })])
  })

  it('is for owners, admins and imports:write keys; other staff get 403, anonymous 401, customers 403', async () => {
    const body = { rows: [{ responseId: 'A-1', customerExternalId: 'crm-1', surveyId: survey.id, answeredAt: '2026-01-01T00:00:00Z', answers: { nps: 9 } }] }
    const link = (await invite(host, survey.id, customers['crm-1']!)).token
    const callers = {
      owner: host.http, admin: host.as('admin'), key: host.as({ apiKey: importKey }),
      agent: host.as('agent'), analyst: host.as('analyst'), writeKey: host.as({ apiKey: await host.apiKey(['customers:write', 'events:write']) }),
      anonymous: host.as('anonymous'), customer: host.as({ link }),
    }
    const statuses: Record<string, number> = {}
    for (const [who, client] of Object.entries(callers)) statuses[who] = (await client.post(IMPORT, body)).status
    expect(statuses).toEqual({ owner: 200, admin: 200, key: 200, agent: 403, analyst: 403, writeKey: 403, anonymous: 401, customer: 403 })
  })

  it('imports a CSV file from the command line with the same report', async () => {
    const file = join(dir, `history-${dialect}.csv`)
    writeFileSync(file, HISTORY)
    const run = await host.runCommand('satisfaction', 'import-responses', [file, '--survey', survey.name])
    expect(run).toEqual({ exitCode: 0, output: ['4 rows: 4 imported, 0 duplicates, 0 invalid'] })
    writeFileSync(file, MIXED)
    const bad = await host.runCommand('satisfaction', 'import-responses', [file, '--survey', survey.id, '--mode', 'valid-only'])
    expect(bad.exitCode).toBe(2)
    expect(bad.output[0]).toBe('7 rows: 2 imported, 0 duplicates, 5 invalid')
    expect(bad.output[1]).toMatch(/^ {2}row 3: answers\.nps: SURVEY_ANSWER_INVALID /)
    expect((await host.runCommand('satisfaction', 'import-responses', [join(dir, 'missing.csv')])).exitCode).toBe(1)
  })
})
