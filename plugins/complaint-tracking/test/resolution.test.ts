import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { surveyStub } from './survey-stub.js'
import { base, caseOf, complaintEvents, DAY, fileCase, move, travel, walk } from './complaints-client.js'
import { answered, detractor, legacy } from './payloads.js'

const resolve = (host: TestHost, caseId: string, extra: Record<string, unknown> = {}) =>
  move(host, caseId, 'resolved', { resolutionCode: 'refund', summary: 'Refunded the order', ...extra })
const dueFollowUps = async (host: TestHost, as: 'agent' | 'analyst' = 'agent') =>
  (await host.json(await host.as(as).get(`${base}/follow-ups?due=true`))).items

describe.each(dialects)('resolution, goodwill and follow-up visits on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('complaint.resolved carries what a CSAT invitation needs', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id, { category: 'delivery.late' })
    await walk(host, c.id, ['open'])
    expect((await resolve(host, c.id)).status).toBe(200)
    const resolved = (await complaintEvents(host, id)).find((e) => e.type === 'complaint.resolved')!
    expect(resolved.payload).toEqual({ caseId: c.id, customerId: id, category: 'delivery.late', resolutionCode: 'refund', resolvedAt: host.now().toISOString() })
  })

  it('grants goodwill points with the resolution as an event, in the history', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open'])
    const res = await resolve(host, c.id, { goodwillPoints: 500 })
    expect(await host.json(res)).toMatchObject({ status: 'resolved', goodwillPoints: 500 })
    const events = await complaintEvents(host, id)
    expect(events.find((e) => e.type === 'complaint.goodwill.granted')!.payload).toEqual({ caseId: c.id, points: 500, resolutionCode: 'refund' })
    expect((await caseOf(host, c.id)).history.find((h: any) => h.action === 'goodwill').details).toEqual({ points: 500 })
  })

  it('refuses goodwill above the limit or outside a resolution, changing nothing', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open'])
    const over = await resolve(host, c.id, { goodwillPoints: 5_001 })
    expect(over.status).toBe(422)
    expect((await host.json(over)).error).toMatchObject({ code: 'COMPLAINTS_GOODWILL_OVER_LIMIT', details: { points: 5_001, max: 5_000 } })
    const notResolving = await move(host, c.id, 'pending_customer', { goodwillPoints: 10 })
    expect((await host.json(notResolving)).error.code).toBe('COMPLAINTS_GOODWILL_NOT_ALLOWED')
    expect(await caseOf(host, c.id)).toMatchObject({ status: 'open', goodwillPoints: null })
    expect((await complaintEvents(host, id)).map((e) => e.type)).toEqual(['complaint.opened'])
  })

  it('schedules a follow-up visit N days after resolving, lists it when due, and records its outcome', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'resolved'])
    const [visit] = (await caseOf(host, c.id)).followUps
    expect(visit).toMatchObject({ status: 'pending', customerId: id, dueAt: new Date(host.now().getTime() + 3 * DAY).toISOString() })
    expect(await dueFollowUps(host)).toEqual([])
    await travel(host, 3 * DAY)
    expect((await dueFollowUps(host, 'analyst')).map((f: any) => f.id)).toEqual([visit.id])
    const done = await host.http.post(`${base}/follow-ups/${visit.id}/outcome`, { reached: true, satisfied: false, notes: 'Still unhappy with the colour' })
    expect(done.status).toBe(200)
    expect(await host.json(done)).toMatchObject({ status: 'done', reached: true, satisfied: false, notes: 'Still unhappy with the colour', recordedBy: expect.stringMatching(/^user:/) })
    expect(await dueFollowUps(host, 'analyst')).toEqual([])
    const entry = (await caseOf(host, c.id)).history.find((h: any) => h.action === 'follow_up_recorded')
    expect(entry.details).toEqual({ followUpId: visit.id, outcome: 'reached', reached: true, satisfied: false, notes: 'Still unhappy with the colour' })
    const again = await host.http.post(`${base}/follow-ups/${visit.id}/outcome`, { reached: false })
    expect(again.status).toBe(409)
    expect((await host.json(again)).error.code).toBe('COMPLAINTS_FOLLOW_UP_DONE')
  })

  it('refuses satisfaction without reaching the customer, and unknown visits', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'resolved'])
    const [visit] = (await caseOf(host, c.id)).followUps
    const res = await host.http.post(`${base}/follow-ups/${visit.id}/outcome`, { reached: false, satisfied: true })
    expect((await host.json(res)).error.code).toBe('COMPLAINTS_FOLLOW_UP_OUTCOME_INVALID')
    expect((await caseOf(host, c.id)).followUps[0].status).toBe('pending')
    expect((await host.json(await host.http.post(`${base}/follow-ups/nope/outcome`, { reached: false }))).error.code).toBe('COMPLAINTS_FOLLOW_UP_NOT_FOUND')
  })

  it('cancels a pending visit when the case is reopened, and counts the reopen', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'resolved', 'open'])
    const detail = await caseOf(host, c.id)
    expect(detail.followUps.map((f: any) => f.status)).toEqual(['cancelled'])
    expect(detail.reopenCount).toBe(1)
    expect(detail.history.some((h: any) => h.action === 'follow_up_cancelled')).toBe(true)
  })

  it('schedules no visit when followUpAfterDays is 0', async () => {
    await host.host!.configure('complaint-tracking', { followUpAfterDays: 0 })
    try {
      const id = await host.customer()
      const c = await fileCase(host, id)
      await walk(host, c.id, ['open', 'resolved'])
      expect((await caseOf(host, c.id)).followUps).toEqual([])
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })
})

describe.each(dialects)('survey events on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [surveyStub, complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('opens one follow-up case per detractor response when openCaseOnDetractor is on', async () => {
    const id = await host.customer()
    await host.emit('survey.detractor', id, detractor('r0', 2))
    expect((await host.json(await host.http.get(`${base}/cases?customerId=${id}`))).items).toEqual([])
    await host.host!.configure('complaint-tracking', { openCaseOnDetractor: true, detractorCase: { category: 'service', priority: 'urgent' } })
    try {
      await host.emit('survey.detractor', id, detractor('r1', 3))
      await host.emit('survey.detractor', id, detractor('r1', 3))
      const items = (await host.json(await host.http.get(`${base}/cases?customerId=${id}`))).items
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({ category: 'service', priority: 'urgent', channel: 'other', createdBy: 'system:detractor', description: expect.stringContaining('NPS 3') })
      expect((await caseOf(host, items[0].id)).history[0].details).toMatchObject({ source: 'survey-response:r1' })
      expect(await host.profile(id)).toMatchObject({ 'complaints.open': 1, 'complaints.total': 1 })
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('keeps the CSAT given for a case, in complaints.lastCsat and the analytics', async () => {
    const id = await host.customer()
    const other = await host.customer()
    const a = await fileCase(host, id)
    const b = await fileCase(host, id)
    await walk(host, a.id, ['open', 'resolved'])
    await walk(host, b.id, ['open', 'resolved'])
    await host.emit('survey.response.completed', id, answered('csat', 'r1', { csat: 2, caseId: a.id }))
    expect((await host.profile(id))['complaints.lastCsat']).toBe(2)
    await host.advance(60_000)
    await host.emit('survey.response.completed', id, legacy({ surveyId: 'csat', responseId: 'r2', csat: 5, context: { caseId: b.id } }))
    expect((await host.profile(id))['complaints.lastCsat']).toBe(5)
    // Another customer's case, or a response without a score, changes nothing.
    await host.emit('survey.response.completed', other, answered('csat', 'r3', { csat: 1, caseId: a.id }))
    await host.emit('survey.response.completed', id, answered('nps', 'r4', { nps: 9 }))
    expect(await caseOf(host, a.id)).toMatchObject({ csat: 2 })
    expect((await host.profile(id))['complaints.lastCsat']).toBe(5)
    const stats = await host.json(await host.http.get(`${base}/analytics`))
    expect(stats.csatAfterResolution).toEqual({ count: 2, mean: 3.5 })
  })
})
