import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import complaintTracking from '@rapport/plugin-complaint-tracking/server'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { webhookSignature } from '../server/channels/webhook-channel.js'
import satisfactionSurvey from '../server/index.js'
import { asCustomer, base, DAY, invite, publishedSurvey, refusal, surveyEvents, travel } from './survey-client.js'

const SECRET = 'webhook-secret-0123456789'
type Received = { headers: Record<string, string | string[] | undefined>; body: string }

describe.each(dialects)('invitations, triggers and sending on %s', (dialect) => {
  let host: TestHost
  let server: Server
  let received: Received[]
  let answer = 200
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => { body += chunk })
      req.on('end', () => { received.push({ headers: req.headers, body }); res.statusCode = answer; res.end() })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    host = await createTestHost({
      plugins: [complaintTracking, satisfactionSurvey], dialect,
      config: { 'satisfaction-survey': { quietDays: 30, channels: { webhook: { url, secret: SECRET } } } },
    })
  }, 60_000)
  beforeEach(async () => { await host.reset(); received = []; answer = 200 })
  afterAll(async () => { await host.close(); server.close() })

  const invitations = async (query: string) => (await host.json(await host.http.get(`${base}/invitations?${query}`))).items as any[]

  it('sends a created invitation through the signed webhook after commit, retrying a failure', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    answer = 500
    const { id: invitationId, url } = await invite(host, survey.id, id)
    await host.drainDeliveries()
    expect(received).toHaveLength(1)
    expect((await invitations(`customerId=${id}`))[0].sentAt).toBeNull()
    answer = 200
    await travel(host, 10 * 60_000)
    await host.drainDeliveries()
    const last = received.at(-1)!
    expect(JSON.parse(last.body)).toMatchObject({ type: 'survey.invitation.created', invitationId, surveyId: survey.id, customerId: id, url })
    expect(last.headers['x-rapport-signature']).toBe(webhookSignature(SECRET, String(last.headers['x-rapport-timestamp']), last.body))
    expect((await invitations(`customerId=${id}`))[0].sentAt).not.toBeNull()
  })

  it('emits the invitation without its link; the sender signs the same link again from the invitation', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const { id: invitationId, token, url, expiresAt } = await invite(host, survey.id, id)
    const [event] = (await surveyEvents(host, id)).filter((e) => e.type === 'survey.invitation.created')
    expect(event!.payload).toEqual({ invitationId, surveyId: survey.id, version: 1, expiresAt, locale: expect.any(String), source: 'manual' })
    expect(JSON.stringify(await surveyEvents(host, id))).not.toContain(token)
    await host.drainDeliveries()
    expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ invitationId, url })
    expect((await asCustomer(host, token).form()).status).toBe(200)
  })

  it('refuses an invitation for a customer who does not exist: 404 CUSTOMER_NOT_FOUND, nothing stored or sent', async () => {
    const survey = await publishedSurvey(host)
    const refused = await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: 'cus_does_not_exist' }), 404)
    expect(refused).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', details: { customerId: 'cus_does_not_exist' } })
    expect(await invitations('limit=100')).toEqual([])
    expect((await host.json(await host.http.get('/api/v1/events?type=survey.invitation.created'))).items).toEqual([])
    await host.drainDeliveries()
    expect(received).toEqual([])
  })

  it('skips a triggered invitation for a customer who does not exist', async () => {
    const survey = await publishedSurvey(host, { triggers: [{ on: 'order.completed', delayDays: 0 }] })
    await host.emit('order.completed', 'cus_gone', { orderId: 'o-gone', amountMinor: 100, currency: 'CNY' })
    await host.runJob('satisfaction-survey:invitations')
    expect(await invitations(`surveyId=${survey.id}`)).toEqual([])
  })

  it('walks an invitation created → opened → partial → completed, and expires unfinished ones in the job', async () => {
    const [a, b] = [await host.customer(), await host.customer()]
    const survey = await publishedSurvey(host)
    const { token } = await invite(host, survey.id, a)
    await invite(host, survey.id, b, { ttlDays: 3 })
    const status = async (customerId: string) => (await invitations(`customerId=${customerId}`))[0].status
    expect(await status(a)).toBe('created')
    const me = asCustomer(host, token)
    await me.form()
    expect(await status(a)).toBe('opened')
    await me.partial(survey.id, { channel: 'web' })
    expect(await status(a)).toBe('partial')
    await me.complete(survey.id, { nps: 8 })
    expect(await status(a)).toBe('completed')
    await travel(host, 4 * DAY)
    await host.runJob('satisfaction-survey:invitations')
    expect(await status(b)).toBe('expired')
    expect(await status(a)).toBe('completed')
    expect((await invitations('status=expired')).map((i) => i.customerId)).toEqual([b])
  })

  it('keeps the quiet period: a second invitation within quietDays is refused unless staff override it', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    await invite(host, survey.id, id)
    const quiet = await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: id }), 409)
    expect(quiet).toMatchObject({ code: 'SURVEY_QUIET_PERIOD', details: { quietDays: 30 } })
    expect((await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: id, ignoreQuietPeriod: true })).status).toBe(201)
    await travel(host, 31 * DAY)
    expect((await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: id })).status).toBe(201)
    const unpublished = await host.json(await host.http.post(`${base}/surveys`, { name: 'Draft', templateId: 'ces' }))
    expect((await refusal(await host.http.post(`${base}/surveys/${unpublished.id}/invitations`, { customerId: id }), 409)).code).toBe('SURVEY_NOT_PUBLISHED')
  })

  it('invites N days after order.completed through the job, once per order, within the quiet rule', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host, { triggers: [{ on: 'order.completed', delayDays: 3 }] })
    const order = await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 9_900, currency: 'CNY' }, { key: 'o1' })
    await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 9_900, currency: 'CNY' }, { key: 'o1' })
    await host.emit('order.completed', id, { orderId: 'o2', amountMinor: 9_900, currency: 'CNY' })
    await host.runJob('satisfaction-survey:invitations')
    expect(await invitations(`customerId=${id}`)).toEqual([])
    await travel(host, 3 * DAY)
    await host.runJob('satisfaction-survey:invitations')
    const created = await invitations(`customerId=${id}`)
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ surveyId: survey.id, source: 'order.completed', status: 'created' })
    expect(order.id).toBeTruthy()
    const events = (await host.json(await host.http.get(`/api/v1/customers/${id}/events?limit=100`))).items.filter((e: any) => e.type === 'survey.invitation.created')
    expect(events).toHaveLength(1)
    expect(events[0].payload).toEqual({ invitationId: created[0].id, surveyId: survey.id, version: 1, expiresAt: created[0].expiresAt, locale: created[0].locale, source: 'order.completed' })
    await host.drainDeliveries()
    const sent = JSON.parse(received.at(-1)!.body)
    expect(sent).toMatchObject({ invitationId: created[0].id, customerId: id, url: expect.stringMatching(/^\/s\/[^/]+$/) })
    expect((await asCustomer(host, sent.url.slice('/s/'.length)).form()).status).toBe(200)
  })

  it('invites at once on complaint.resolved, and the answer names the case for complaint-tracking', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host, { templateId: 'csat-complaint', json: undefined, scores: undefined, triggers: [{ on: 'complaint.resolved', delayDays: 0 }] })
    const filed = await host.json(await host.http.post('/api/p/complaint-tracking/cases', { customerId: id, category: 'other', description: 'Broken cup' }))
    for (const to of ['open', 'resolved']) {
      const res = await host.http.post(`/api/p/complaint-tracking/cases/${filed.id}/transitions`, { to, resolutionCode: 'replaced', summary: 'New cup sent' })
      expect(res.status).toBe(200)
    }
    const [created] = await invitations(`customerId=${id}`)
    expect(created).toMatchObject({ surveyId: survey.id, source: 'complaint.resolved', status: 'created', hidden: { caseId: filed.id } })

    expect((await surveyEvents(host, id)).find((e) => e.type === 'survey.invitation.created')!.payload.url).toBeUndefined()
    await host.drainDeliveries()
    const { url } = JSON.parse(received.find((r) => JSON.parse(r.body).invitationId === created.id)!.body)
    const res = await asCustomer(host, url.slice('/s/'.length)).complete(survey.id, { csat: 4, resolved: true })
    expect(res.status).toBe(201)
    const completed = (await surveyEvents(host, id)).find((e) => e.type === 'survey.response.completed')!
    expect(completed.payload).toMatchObject({ csat: 4, caseId: filed.id })
    const kase = await host.json(await host.http.get(`/api/p/complaint-tracking/cases/${filed.id}`))
    expect(kase.csat).toBe(4)
    const profile = await host.json(await host.http.get(`/api/v1/customers/${id}`))
    expect(profile.profile.complaints.lastCsat).toBe(4)
  })

  it('a response without a case id in its invitation names no case', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host, { templateId: 'csat-complaint', json: undefined, scores: undefined })
    const { token } = await invite(host, survey.id, id)
    expect((await asCustomer(host, token).complete(survey.id, { csat: 5, resolved: true })).status).toBe(201)
    const completed = (await surveyEvents(host, id)).find((e) => e.type === 'survey.response.completed')!
    expect(completed.payload.caseId).toBeUndefined()
  })
})
