import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, complaintEvents, linkFor } from './complaints-client.js'

const IMPORT = `${base}/imports/cases`

// The default SLA calendar: 09:00-18:00 Shanghai, Monday to Friday. The host's clock is 2026-06-01T08:00Z.
// C-1 (standard: first response 240, next update 1,440, resolution 2,880 business minutes) meets all three:
// first reply after 60 min, resolved after 840 business minutes (Mon 10-18, Tue 9-15).
// C-2 (urgent: 30 and 480 minutes) has no reply and is resolved after 1,080 business minutes: both breached.
const HISTORY = [
  'caseId,customerExternalId,openedAt,category,priority,channel,subject,description,status,firstResponseAt,resolvedAt,resolutionCode,closedAt',
  'C-1,crm-1,2025-03-03T10:00:00+08:00,product.quality,normal,phone,杯子漏水,买了两周就漏水,closed,2025-03-03T11:00:00+08:00,2025-03-04T15:00:00+08:00,replaced,2025-03-10T09:00:00+08:00',
  'C-2,crm-2,2025-04-07T10:00:00+08:00,delivery.late,urgent,wechat,Late parcel,Ordered a week ago,resolved,,2025-04-09T10:00:00+08:00,refund,',
  'C-3,crm-1,2026-05-25T09:30:00+08:00,service.waiting,high,store,排队太久,,open,,,,',
].join('\n')

/** Two good rows around six bad ones, each a different coded error. */
const MIXED = [
  'caseId,customerExternalId,openedAt,category,status,description,resolvedAt,resolutionCode,closedAt',
  'G-1,crm-1,2025-06-02T10:00:00+08:00,billing,open,Charged twice,,,',
  'B-1,crm-1,2025-06-02T10:00:00+08:00,furniture,open,x,,,',
  'B-2,crm-1,2025-06-05T10:00:00+08:00,billing,resolved,x,2025-06-01T10:00:00+08:00,refund,',
  'B-3,crm-1,2025-06-05T10:00:00+08:00,billing,escalated,x,,,',
  'B-4,crm-1,2025-06-05T10:00:00+08:00,billing,resolved,x,,refund,',
  'B-5,crm-9,2025-06-05T10:00:00+08:00,billing,new,x,,,',
  'B-6,crm-1,last tuesday,billing,new,x,,,',
  'G-2,crm-2,2025-06-06T10:00:00Z,other,closed,y,2025-06-06T12:00:00Z,no-fault,2025-06-07T12:00:00Z',
].join('\n')

describe.each(dialects)('importing past complaint cases on %s', (dialect) => {
  let host: TestHost
  let importKey: string
  let dir: string
  let customers: Record<string, string>

  const postCsv = (csv: string, query = '') => host.fetch(new Request(`http://rapport.test${IMPORT}${query}`, {
    method: 'POST', headers: { authorization: `Bearer ${importKey}`, 'content-type': 'text/csv; charset=utf-8' }, body: csv,
  }))
  const cases = async (customerId: string) => (await host.json(await host.http.get(`${base}/cases?customerId=${customerId}`))).items as any[]
  const byRef = async (customerId: string, description: string) => (await cases(customerId)).find((c) => c.description.startsWith(description))

  beforeAll(async () => {
    host = await createTestHost({ plugins: [complaintTracking], dialect })
    dir = mkdtempSync(join(tmpdir(), 'rapport-import-cases-'))
  }, 60_000)
  beforeEach(async () => {
    await host.reset()
    importKey = await host.apiKey(['imports:write'])
    customers = { 'crm-1': await host.customer({ externalId: 'crm-1' }), 'crm-2': await host.customer({ externalId: 'crm-2', email: 'li.lei@example.cn' }) }
  })
  afterAll(async () => { rmSync(dir, { recursive: true, force: true }); await host.close() })

  it('replays each case on its own dates: timeline, SLA outcomes from the business calendar, events and analytics', async () => {
    const res = await postCsv(HISTORY)
    expect(res.status).toBe(200)
    expect(await host.json(res)).toEqual({ kind: 'cases', mode: 'all-or-nothing', rows: 3, imported: 3, duplicates: 0, invalid: [], committed: true })

    const c1 = await caseOf(host, (await byRef(customers['crm-1']!, '杯子漏水')).id)
    expect(c1).toMatchObject({
      status: 'closed', channel: 'phone', category: 'product.quality', description: '杯子漏水\n\n买了两周就漏水', resolutionCode: 'replaced',
      createdAt: '2025-03-03T02:00:00.000Z', firstResponseAt: '2025-03-03T03:00:00.000Z', resolvedAt: '2025-03-04T07:00:00.000Z', slaState: 'ok',
    })
    expect(c1.history.filter((h: any) => h.action !== 'follow_up_cancelled').map((h: any) => [h.action, h.toStatus, h.at])).toEqual([
      ['created', 'new', '2025-03-03T02:00:00.000Z'], ['transition', 'open', '2025-03-03T02:00:00.000Z'], ['message', null, '2025-03-03T03:00:00.000Z'],
      ['transition', 'resolved', '2025-03-04T07:00:00.000Z'], ['follow_up_scheduled', null, '2025-03-04T07:00:00.000Z'], ['transition', 'closed', '2025-03-10T01:00:00.000Z'],
    ])
    expect(c1.followUps.map((f: any) => f.status)).toEqual(['cancelled'])
    expect(c1.sla.targets.map((t: any) => [t.target, t.state, t.running])).toEqual([['firstResponse', 'ok', false], ['nextUpdate', 'ok', false], ['resolution', 'ok', false]])

    const figures = await host.json(await host.http.get(`${base}/analytics?from=2025-03-01T00:00:00Z&to=2025-05-01T00:00:00Z`))
    expect(figures.byCategory).toEqual([{ category: 'delivery.late', count: 1 }, { category: 'product.quality', count: 1 }])
    expect(figures.volume.map((v: any) => v.day)).toEqual(['2025-03-03', '2025-04-07'])
    expect(figures.slaHitRate).toEqual([
      { target: 'firstResponse', total: 2, met: 1, breachedRunning: 0, rate: 0.5 }, { target: 'nextUpdate', total: 1, met: 1, breachedRunning: 0, rate: 1 }, { target: 'resolution', total: 2, met: 1, breachedRunning: 0, rate: 0.5 },
    ])
    expect(figures.resolutionMinutes).toMatchObject({ count: 2, mean: 2310 })

    expect((await complaintEvents(host, customers['crm-1']!)).map((e: any) => [e.type, e.occurredAt])).toEqual([
      ['complaint.opened', '2025-03-03T02:00:00.000Z'], ['complaint.resolved', '2025-03-04T07:00:00.000Z'], ['complaint.opened', '2026-05-25T01:30:00.000Z'],
    ])
    expect(await host.profile(customers['crm-1']!)).toMatchObject({ 'complaints.total': 2, 'complaints.open': 1, 'complaints.lastAt': '2026-05-25T01:30:00.000Z' })
  })

  it('reports a repeated import as duplicates and writes nothing again', async () => {
    await postCsv(HISTORY)
    const events = await complaintEvents(host, customers['crm-2']!)
    expect(await host.json(await postCsv(HISTORY))).toEqual({ kind: 'cases', mode: 'all-or-nothing', rows: 3, imported: 0, duplicates: 3, invalid: [], committed: true })
    expect(await complaintEvents(host, customers['crm-2']!)).toEqual(events)
    expect(await cases(customers['crm-1']!)).toHaveLength(2)
  })

  it('reports bad rows with coded errors named by column, and stores the good rows in valid-only mode', async () => {
    const res = await postCsv(MIXED, '?mode=valid-only')
    expect(res.status).toBe(200)
    const report = await host.json(res)
    expect(report).toMatchObject({ rows: 8, imported: 2, duplicates: 0, committed: true })
    expect(report.invalid.map((r: any) => [r.row, r.errors.map((e: any) => [e.column, e.code])])).toEqual([
      [3, [['category', 'COMPLAINTS_CATEGORY_UNKNOWN']]],
      [4, [['resolvedAt', 'COMPLAINTS_IMPORT_DATES_OUT_OF_ORDER']]],
      [5, [['status', 'COMPLAINTS_IMPORT_STATUS_INVALID']]],
      [6, [['resolvedAt', 'COMPLAINTS_IMPORT_STATUS_INVALID']]],
      [7, [['customerExternalId', 'COMPLAINTS_IMPORT_CUSTOMER_UNKNOWN']]],
      [8, [['openedAt', 'COMPLAINTS_IMPORT_CELL_INVALID']]],
    ])
    expect((await cases(customers['crm-1']!)).map((c) => c.description)).toEqual(['Charged twice'])
    expect((await cases(customers['crm-2']!)).map((c) => [c.description, c.status, c.resolvedAt])).toEqual([['y', 'closed', '2025-06-06T12:00:00.000Z']])
  })

  it('writes nothing in all-or-nothing mode when a row is invalid (422 with the report)', async () => {
    const res = await postCsv(MIXED)
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.code).toBe('IMPORT_INVALID_ROWS')
    expect(error.details).toMatchObject({ rows: 8, imported: 0, committed: false })
    expect(await cases(customers['crm-1']!)).toEqual([])
  })

  it('takes JSON rows, the customer by email, and refuses a bad header as a whole', async () => {
    const rows = [{ caseId: 'J-1', customerEmail: 'LI.LEI@example.cn', openedAt: '2025-09-01T09:00:00+08:00', category: 'billing', status: 'new', description: '多扣了一次款' }]
    const res = await host.http.post(IMPORT, { rows })
    expect(await host.json(res)).toMatchObject({ rows: 1, imported: 1, invalid: [] })
    expect((await cases(customers['crm-2']!)).map((c) => [c.status, c.createdAt, c.channel])).toEqual([['new', '2025-09-01T01:00:00.000Z', 'other']])
    const missing = await postCsv('caseId,customerExternalId,openedAt,status\nX,crm-1,2025-01-01T00:00:00Z,new')
    expect([missing.status, (await host.json(missing)).error.code]).toEqual([422, 'IMPORT_MISSING_COLUMNS'])
    const unknown = await postCsv('caseId,customerExternalId,openedAt,category,status,mood\nX,crm-1,2025-01-01T00:00:00Z,other,new,angry')
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([422, 'IMPORT_UNKNOWN_COLUMNS'])
  })

  it('is for owners, admins and imports:write keys; other staff get 403, anonymous 401, customers 403', async () => {
    const body = { rows: [{ caseId: 'A-1', customerExternalId: 'crm-1', openedAt: '2025-01-06T09:00:00Z', category: 'other', status: 'new', description: 'x' }] }
    const callers = {
      owner: host.http, admin: host.as('admin'), key: host.as({ apiKey: importKey }),
      agent: host.as('agent'), analyst: host.as('analyst'), writeKey: host.as({ apiKey: await host.apiKey(['customers:write', 'events:write']) }),
      anonymous: host.as('anonymous'), customer: host.as({ link: await linkFor(host, customers['crm-1']!) }),
    }
    const statuses: Record<string, number> = {}
    for (const [who, client] of Object.entries(callers)) statuses[who] = (await client.post(IMPORT, body)).status
    expect(statuses).toEqual({ owner: 200, admin: 200, key: 200, agent: 403, analyst: 403, writeKey: 403, anonymous: 401, customer: 403 })
  })

  it('imports a CSV file from the command line with the same report', async () => {
    const file = join(dir, `cases-${dialect}.csv`)
    writeFileSync(file, HISTORY)
    expect(await host.runCommand('complaints', 'import-cases', [file])).toEqual({ exitCode: 0, output: ['3 rows: 3 imported, 0 duplicates, 0 invalid'] })
    const c1 = await caseOf(host, (await byRef(customers['crm-1']!, '杯子漏水')).id)
    expect(c1.sla.targets.map((t: any) => [t.target, t.state])).toEqual([['firstResponse', 'ok'], ['nextUpdate', 'ok'], ['resolution', 'ok']])
    writeFileSync(file, MIXED)
    const bad = await host.runCommand('complaints', 'import-cases', [file, '--mode', 'valid-only'])
    expect(bad.exitCode).toBe(2)
    expect(bad.output[0]).toBe('8 rows: 2 imported, 0 duplicates, 6 invalid')
    expect(bad.output[1]).toMatch(/^ {2}row 3: category: COMPLAINTS_CATEGORY_UNKNOWN /)
  })
})
