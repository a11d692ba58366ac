/**
 * Readable case numbers (per business year, given at intake, unique), and category, priority and
 * tags changed after intake with a history entry and an event per change.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { migration0003 } from '../server/migration-0003-case-numbers.js'
import { base, caseOf, fileCase, travel } from './complaints-client.js'

describe.each(dialects)('case numbers and edits on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  // One jump to a date, then a fresh start (a session idles out after 12 hours). Mid-year is the same
  // year in every business time zone.
  const jumpTo = async (at: string) => {
    host.setTime(at)
    await host.reset()
  }
  const toJuly = async (): Promise<number> => {
    const y = host.now().getUTCFullYear() + 1
    await jumpTo(`${y}-07-01T12:00:00Z`)
    return y
  }

  it('numbers cases per year in intake order, concurrent intakes included, and finds a case by its number', async () => {
    // 30 December at noon UTC is still that year in every time zone; three days on, the next year everywhere.
    const y = host.now().getUTCFullYear() + 1
    await jumpTo(`${y}-12-30T12:00:00Z`)
    const customer = await host.customer()
    const first = await fileCase(host, customer)
    expect(first.caseNumber).toBe(`CT-${y}-000001`)
    const together = await Promise.all([1, 2, 3, 4].map(() => fileCase(host, customer)))
    expect(together.map((c) => c.caseNumber).sort()).toEqual([2, 3, 4, 5].map((n) => `CT-${y}-00000${n}`))
    const found = await host.json(await host.http.get(`${base}/cases?number=CT-${y}-000003`))
    expect(found.items.map((c: any) => c.caseNumber)).toEqual([`CT-${y}-000003`])
    expect((await caseOf(host, first.id)).caseNumber).toBe(first.caseNumber)
    expect((await host.http.get(`${base}/cases?number=123`)).status).toBe(400)
    // A new business year starts again at 1.
    await travel(host, 3 * 86_400_000)
    expect((await fileCase(host, customer)).caseNumber).toBe(`CT-${y + 1}-000001`)
  })

  it('gives cases filed before the migration their numbers, per year in filing order, and counts on after them', async () => {
    const y = await toJuly()
    const customer = await host.customer()
    const a = await fileCase(host, customer)
    await travel(host, 3_600_000)
    const b = await fileCase(host, customer)
    // Filed in the next year (moved there in the table: the migration reads created_at).
    const c = await fileCase(host, customer)
    await host.db.run('UPDATE complaints_cases SET created_at = ? WHERE id = ?', [`${y + 1}-07-01T12:00:00.000Z`, c.id])
    // Back to the schema before 0003, then run it as an upgrade would.
    for (const sql of ['DROP INDEX complaints_cases_number', 'DROP TABLE complaints_case_counters', 'DROP TABLE complaints_case_tags', 'ALTER TABLE complaints_cases DROP COLUMN case_number']) await host.db.run(sql)
    for (const sql of migration0003[host.db.dialect === 'sqlite' ? 'sqlite' : 'pg']) await host.db.run(sql)
    expect(await Promise.all([a, b, c].map(async (x) => (await caseOf(host, x.id)).caseNumber))).toEqual([`CT-${y}-000001`, `CT-${y}-000002`, `CT-${y + 1}-000001`])
    expect((await fileCase(host, customer)).caseNumber).toBe(`CT-${y}-000003`)
    const duplicate = host.db.run(`UPDATE complaints_cases SET case_number = ? WHERE id = ?`, [`CT-${y}-000001`, b.id])
    await expect(duplicate).rejects.toThrow()
  })

  it('changes category, priority and tags with a history entry and a complaint.changed event per change', async () => {
    const customer = await host.customer()
    const c = await fileCase(host, customer)
    const res = await host.http.patch(`${base}/cases/${c.id}`, { category: 'delivery.late', priority: 'high', tags: ['refund', 'vip', 'refund'] })
    expect(res.status).toBe(200)
    expect(await host.json(res)).toMatchObject({ category: 'delivery.late', priority: 'high', caseNumber: c.caseNumber })
    await host.http.patch(`${base}/cases/${c.id}`, { priority: 'high', tags: ['vip', '媒体关注'] })
    const detail = await caseOf(host, c.id)
    expect(detail.tags).toEqual(['vip', '媒体关注'])
    expect(detail.history.filter((h: any) => h.action.endsWith('_changed')).map((h: any) => [h.action, h.details])).toEqual([
      ['category_changed', { from: 'product.quality', to: 'delivery.late' }],
      ['priority_changed', { from: 'normal', to: 'high' }],
      ['tags_changed', { added: ['refund', 'vip'], removed: [] }],
      ['tags_changed', { added: ['媒体关注'], removed: ['refund'] }],
    ])
    const events = (await host.json(await host.http.get(`/api/v1/customers/${customer}/events?limit=50`))).items.filter((e: any) => e.type === 'complaint.changed')
    expect(events.map((e: any) => e.payload).reverse()).toEqual([
      { caseId: c.id, field: 'category', from: 'product.quality', to: 'delivery.late' },
      { caseId: c.id, field: 'priority', from: 'normal', to: 'high' },
    ])
    expect((await host.json(await host.http.get(`${base}/cases?tag=vip`))).items.map((x: any) => x.id)).toEqual([c.id])
    expect((await host.json(await host.http.get(`${base}/cases?tag=refund`))).items).toEqual([])
    const unknown = await host.http.patch(`${base}/cases/${c.id}`, { category: 'nope' })
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([422, 'COMPLAINTS_CATEGORY_UNKNOWN'])
    const missing = await host.http.patch(`${base}/cases/cmp_nope`, { priority: 'low' })
    expect([missing.status, (await host.json(missing)).error.code]).toEqual([404, 'COMPLAINTS_CASE_NOT_FOUND'])
  })
})
