/**
 * Invitation reminders: a survey's distribution sets "remind after N days"; an invitation still
 * unanswered N days after its own creation gets one reminder through core's delivery service, in
 * the customer's language with the invitation's link; an answered one gets none; the job never
 * sends a second one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { asCustomer, base, DAY, invite, publishedSurvey, travel } from './survey-client.js'

describe.each(dialects)('survey invitation reminders on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const reminders = async (customerId: string) =>
    ((await host.json(await host.http.get(`/api/v1/messages?customerId=${customerId}`))).items as Array<{ template: string }>).filter((m) => m.template === 'survey.reminder')
  const runJob = () => host.runJob('satisfaction-survey:reminders')

  it('reminds once, N days after the invitation was created, unless it was answered', async () => {
    const survey = await publishedSurvey(host)
    const set = await host.http.put(`${base}/surveys/${survey.id}/reminder`, { afterDays: 3 })
    expect(await host.json(set)).toEqual({ afterDays: 3, pending: 0, sent: 0, cancelled: 0 })
    const [answering, silent, later] = [await host.customer({ locale: 'zh-CN' }), await host.customer({ locale: 'en' }), await host.customer()]
    const first = await invite(host, survey.id, answering)
    await invite(host, survey.id, silent)
    await travel(host, DAY)
    await invite(host, survey.id, later)
    expect((await asCustomer(host, first.token).complete(survey.id, { nps: 9 })).status).toBe(201)

    // Day 3 and one minute: the first two invitations are due; the answered one is not reminded.
    await travel(host, 2 * DAY + 60_000)
    await runJob()
    expect(await reminders(silent)).toHaveLength(1)
    expect(await reminders(answering)).toHaveLength(0)
    // The third was created a day later: due a day later, by its own time, not the job's.
    expect(await reminders(later)).toHaveLength(0)
    await travel(host, DAY - 2 * 60_000)
    await runJob()
    expect(await reminders(later)).toHaveLength(0)
    await travel(host, 2 * 60_000)
    await runJob()
    await runJob()
    expect(await reminders(later)).toHaveLength(1)
    expect(await reminders(silent)).toHaveLength(1)
    expect(await host.json(await host.http.get(`${base}/surveys/${survey.id}/reminder`))).toEqual({ afterDays: 3, pending: 0, sent: 2, cancelled: 1 })
  })

  it('plans nothing without a setting, takes null to turn it off, and refuses bad input', async () => {
    const survey = await publishedSurvey(host)
    const customer = await host.customer()
    await invite(host, survey.id, customer)
    await travel(host, 10 * DAY)
    await runJob()
    expect(await reminders(customer)).toHaveLength(0)
    expect((await host.http.put(`${base}/surveys/${survey.id}/reminder`, { afterDays: 0 })).status).toBe(400)
    expect((await host.http.put(`${base}/surveys/nope/reminder`, { afterDays: 2 })).status).toBe(404)
    expect((await host.as('agent').put(`${base}/surveys/${survey.id}/reminder`, { afterDays: 2 })).status).toBe(403)
    expect(await host.json(await host.http.put(`${base}/surveys/${survey.id}/reminder`, { afterDays: null }))).toMatchObject({ afterDays: null })
  })
})
