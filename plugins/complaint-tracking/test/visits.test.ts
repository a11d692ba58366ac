import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, DAY, fileCase, travel, userIdOf, walk } from './complaints-client.js'

// The default calendar: 09:00-18:00 in Shanghai, Monday to Friday. Each test starts on a Monday at
// 16:00 local (08:00Z), two business hours before the day ends, on weeks without a public holiday.
const MONDAYS = ['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27', '2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24'].map((d) => Date.parse(`${d}T08:00:00.000Z`))
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const visitOf = async (host: TestHost, caseId: string) => (await caseOf(host, caseId)).followUps.at(-1)
const call = (host: TestHost, id: string, body: Record<string, unknown>) => host.as('agent').post(`${base}/follow-ups/${id}/attempts`, body)

describe.each(dialects)('follow-up visits (回访) as a workflow on %s', (dialect) => {
  let host: TestHost
  let monday: number
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    monday = MONDAYS.find((m) => m > host.now().getTime())!
    await travel(host, monday - host.now().getTime())
  })
  afterAll(() => host.close())

  async function resolvedCase(category = 'product.quality') {
    const c = await fileCase(host, await host.customer(), { category })
    await walk(host, c.id, ['open', 'resolved'])
    return c
  }

  it('gives the visit to the case agent, lists it as theirs when due today, and takes a new owner or time only when valid', async () => {
    const agent = await userIdOf(host, 'agent')
    const c = await fileCase(host, await host.customer())
    expect((await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId: agent })).status).toBe(200)
    await walk(host, c.id, ['open', 'resolved'])
    const visit = await visitOf(host, c.id)
    expect(visit).toMatchObject({ ownerId: agent, attempts: 0, status: 'pending', dueAt: iso(monday + 3 * DAY) })
    const mine = async (due: string) => (await host.json(await host.as('agent').get(`${base}/follow-ups?owner=me&due=${due}`))).items.map((f: any) => f.id)
    expect(await mine('today')).toEqual([])
    const moved = await host.as('agent').patch(`${base}/follow-ups/${visit.id}`, { dueAt: iso(monday + 1 * HOUR) })
    expect(moved.status).toBe(200)
    expect(await mine('today')).toEqual([visit.id])
    expect(await mine('true')).toEqual([])
    for (const ownerId of ['usr_nobody', 'team:front-desk']) {
      const res = await host.as('agent').patch(`${base}/follow-ups/${visit.id}`, { ownerId })
      expect(res.status).toBe(422)
      expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_FOLLOW_UP_OWNER_NOT_FOUND', details: { ownerId } })
    }
    const history = (await caseOf(host, c.id)).history.filter((h: any) => h.action === 'follow_up_rescheduled')
    expect(history.map((h: any) => h.details)).toEqual([{ followUpId: visit.id, fromDueAt: iso(monday + 3 * DAY), dueAt: iso(monday + HOUR) }])
  })

  it('schedules visits by hand for a case or a customer, owned by the caller unless named', async () => {
    const c = await resolvedCase()
    const agent = await userIdOf(host, 'agent')
    const forCase = await host.as('agent').post(`${base}/follow-ups`, { caseId: c.id, dueAt: iso(monday + 2 * DAY), notes: '客户周三下午方便' })
    expect(forCase.status).toBe(201)
    expect(await host.json(forCase)).toMatchObject({ caseId: c.id, customerId: c.customerId, ownerId: agent, dueAt: iso(monday + 2 * DAY) })
    const customerId = await host.customer()
    const forCustomer = await host.http.post(`${base}/follow-ups`, { customerId, dueAt: iso(monday + DAY), ownerId: agent })
    expect(await host.json(forCustomer)).toMatchObject({ caseId: null, customerId, ownerId: agent })
    expect((await host.json(await host.http.post(`${base}/follow-ups`, { customerId: 'cus_nobody', dueAt: iso(monday) }))).error.code).toBe('CUSTOMER_NOT_FOUND')
    expect((await host.json(await host.http.post(`${base}/follow-ups`, { caseId: 'cmp_nobody', dueAt: iso(monday) }))).error.code).toBe('COMPLAINTS_CASE_NOT_FOUND')
    const both = await host.http.post(`${base}/follow-ups`, { caseId: c.id, customerId, dueAt: iso(monday) })
    expect(both.status).toBe(400)
  })

  it('retries an unanswered visit on business time, then gives up; a wrong number ends it at once', async () => {
    const visit = await visitOf(host, (await resolvedCase()).id)
    // Retries after 120, 480 and 1,440 business minutes, each counted from the call (Monday 16:00 local).
    const expected = [monday + 2 * HOUR, monday + 23 * HOUR, monday + 3 * DAY - 3 * HOUR]
    for (const dueAt of expected) {
      const res = await call(host, visit.id, { outcome: 'not_reached', notes: '无人接听' })
      expect(await host.json(res)).toMatchObject({ status: 'pending', dueAt: iso(dueAt) })
    }
    expect(await host.json(await call(host, visit.id, { outcome: 'not_reached' }))).toMatchObject({ status: 'unreachable', attempts: 4, reached: false })
    const detail = await host.json(await host.http.get(`${base}/follow-ups/${visit.id}`))
    expect(detail.attemptLog.map((a: any) => a.outcome)).toEqual(['not_reached', 'not_reached', 'not_reached', 'not_reached'])
    expect((await host.json(await call(host, visit.id, { outcome: 'reached', satisfied: true }))).error.code).toBe('COMPLAINTS_FOLLOW_UP_DONE')
    const other = await visitOf(host, (await resolvedCase()).id)
    expect(await host.json(await call(host, other.id, { outcome: 'wrong_number' }))).toMatchObject({ status: 'unreachable', attempts: 1 })
  })

  it('refuses a reached call without satisfaction and satisfaction without reaching anyone', async () => {
    const visit = await visitOf(host, (await resolvedCase()).id)
    for (const [body, code] of [[{ outcome: 'reached' }, 'COMPLAINTS_FOLLOW_UP_SATISFACTION_REQUIRED'], [{ outcome: 'not_reached', satisfied: true }, 'COMPLAINTS_FOLLOW_UP_OUTCOME_INVALID']] as const) {
      const res = await call(host, visit.id, body)
      expect(res.status).toBe(422)
      expect((await host.json(res)).error.code).toBe(code)
    }
    expect(await visitOf(host, visit.caseId)).toMatchObject({ status: 'pending', attempts: 0 })
  })

  it('reopens the case when the customer is not satisfied, or escalates it per config', async () => {
    const c = await resolvedCase()
    const visit = await visitOf(host, c.id)
    expect(await host.json(await call(host, visit.id, { outcome: 'reached', satisfied: false, notes: '颜色还是不对' }))).toMatchObject({ status: 'done', satisfied: false })
    expect(await caseOf(host, c.id)).toMatchObject({ status: 'open', reopenCount: 1 })
    await host.host!.configure('complaint-tracking', { visits: { onNotSatisfied: 'escalate' } })
    try {
      const d = await resolvedCase()
      await call(host, (await visitOf(host, d.id)).id, { outcome: 'reached', satisfied: false })
      const detail = await caseOf(host, d.id)
      expect(detail).toMatchObject({ status: 'resolved', priority: 'urgent' })
      expect(detail.history.find((h: any) => h.action === 'follow_up_escalated').details).toMatchObject({ from: 'normal' })
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('shows the call script of the case category (or its parent) in both languages', async () => {
    const script = { 'zh-CN': '您好，关于商品质量问题……', en: 'Hello, about the product quality issue…' }
    await host.host!.configure('complaint-tracking', { visits: { scripts: [{ category: 'product', script }] } })
    try {
      const visit = await visitOf(host, (await resolvedCase('product.quality')).id)
      expect(await host.json(await host.http.get(`${base}/follow-ups/${visit.id}`))).toMatchObject({ category: 'product.quality', script, attemptLog: [] })
      const other = await visitOf(host, (await resolvedCase('billing')).id)
      expect((await host.json(await host.http.get(`${base}/follow-ups/${other.id}`))).script['zh-CN']).toContain('回访')
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it("plans a segment's visits once a quarter and a new customer's after the first order, at the business calendar's and the event's time", async () => {
    const member = await host.customer()
    await fileCase(host, member)
    const segment = await host.http.post('/api/v1/segments', { name: 'Complained', definition: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'complaints.total', op: 'gte', value: 1 }] }] } })
    const segmentId = (await host.json(segment)).id
    await host.host!.configure('complaint-tracking', { visits: { plans: [
      { id: 'quarterly', label: '投诉客户季度回访', kind: 'segment', segmentId, everyMonths: 3 },
      { id: 'welcome', label: 'New customers', kind: 'firstOrder', afterDays: 7 },
    ] } })
    try {
      await host.runJob('complaint-tracking:plan-visits')
      await host.runJob('complaint-tracking:plan-visits')
      const planned = async (planId: string) => (await host.json(await host.http.get(`${base}/follow-ups?planId=${planId}`))).items
      // The quarter began on 1 July in Shanghai.
      expect(await planned('quarterly')).toMatchObject([{ customerId: member, caseId: null, dueAt: '2026-06-30T16:00:00.000Z', status: 'pending' }])
      const newcomer = await host.customer()
      const placedAt = iso(monday - 2 * DAY)
      await host.emit('order.completed', newcomer, { orderId: 'o-1', amountMinor: 9_900, currency: 'CNY' }, { key: 'o-1', occurredAt: placedAt })
      await host.emit('order.completed', newcomer, { orderId: 'o-2', amountMinor: 9_900, currency: 'CNY' }, { key: 'o-2' })
      expect(await planned('welcome')).toMatchObject([{ customerId: newcomer, dueAt: iso(monday + 5 * DAY) }])
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })
})
