/**
 * A trigger limited to a saved segment (core's `/api/v1/segments`, read through `ctx.segments`):
 * an order invites only the customers who are in the segment when it happens; a trigger whose
 * segment was deleted invites no one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import complaintTracking from '@rapport/plugin-complaint-tracking/server'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, publishedSurvey } from './survey-client.js'

describe.each(dialects)('survey triggers limited to a segment on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [complaintTracking, satisfactionSurvey], dialect, config: { 'satisfaction-survey': { quietDays: 0 } } })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const invited = async (customerId: string) => (await host.json(await host.http.get(`${base}/invitations?customerId=${customerId}`))).items as Array<{ surveyId: string; source: string }>
  const complained = async () => {
    const res = await host.http.post('/api/v1/segments', {
      name: 'Complained', definition: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'complaints.total', op: 'gte', value: 1 }] }] },
    })
    expect(res.status).toBe(201)
    return (await host.json(res)).id as string
  }
  const order = (customerId: string, orderId: string) => host.emit('order.completed', customerId, { orderId, amountMinor: 9_900, currency: 'CNY' }, { key: orderId })

  it("invites on order.completed only the customers in the trigger's segment", async () => {
    const [calm, unhappy] = [await host.customer(), await host.customer()]
    const filed = await host.http.post('/api/p/complaint-tracking/cases', { customerId: unhappy, category: 'other', description: 'Cold soup' })
    expect(filed.status).toBe(201)
    const segmentId = await complained()
    const survey = await publishedSurvey(host, { triggers: [{ on: 'order.completed', delayDays: 0, segmentId }] })
    expect(survey.triggers).toEqual([{ on: 'order.completed', delayDays: 0, segmentId }])
    await order(calm, 'o-calm')
    await order(unhappy, 'o-unhappy')
    expect(await invited(calm)).toEqual([])
    expect(await invited(unhappy)).toMatchObject([{ surveyId: survey.id, source: 'order.completed' }])
  })

  it('invites no one through a trigger whose segment was deleted, while an unlimited trigger still invites', async () => {
    const id = await host.customer()
    await host.http.post('/api/p/complaint-tracking/cases', { customerId: id, category: 'other', description: 'Late delivery' })
    const segmentId = await complained()
    const limited = await publishedSurvey(host, { name: 'Limited', triggers: [{ on: 'order.completed', delayDays: 0, segmentId }] })
    const open = await publishedSurvey(host, { name: 'Open', templateId: 'ces', json: undefined, scores: undefined, triggers: [{ on: 'order.completed', delayDays: 0 }] })
    expect((await host.http.delete(`/api/v1/segments/${segmentId}`)).status).toBe(200)
    await order(id, 'o-1')
    expect((await invited(id)).map((i) => i.surveyId)).toEqual([open.id])
    expect((await invited(id)).map((i) => i.surveyId)).not.toContain(limited.id)
  })
})
