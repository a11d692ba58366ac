import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '@rapport/plugin-tiering/server'
import satisfactionSurvey from '../server/index.js'
import { asCustomer, base, DAY, invite, publish, publishedSurvey, refusal, responsesOf, surveyEvents, travel } from './survey-client.js'

describe.each(dialects)('answering through a customer link on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering, satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('serves the pinned version, stores exactly the accepted answers with hidden fields and a profile snapshot, and mirrors the profile', async () => {
    const id = await host.customer({ name: '韩梅梅' })
    await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 50_000, currency: 'CNY' })
    const survey = await publishedSurvey(host, { theme: { brandColor: '#c0392b' } })
    const { token, url, id: invitationId } = await invite(host, survey.id, id, { locale: 'en', hidden: { orderId: 'o1', store: 'Shanghai' } })
    expect(url).toBe(`/s/${token}`)
    const me = asCustomer(host, token)
    const form = await host.json(await me.form())
    expect(form).toMatchObject({ surveyId: survey.id, version: 1, locale: 'en', theme: { brandColor: '#c0392b' }, status: 'opened', answers: {}, hidden: { orderId: 'o1' } })

    const res = await me.complete(survey.id, { nps: 10, channel: 'web', why: 'hidden, so dropped' })
    expect(res.status).toBe(201)
    const { responseId } = await host.json(res)
    const stored = await host.json(await host.http.get(`${base}/responses/${responseId}`))
    expect(stored).toMatchObject({
      surveyId: survey.id, version: 1, invitationId, customerId: id, channel: 'link', status: 'completed', locale: 'en',
      answers: { nps: 10, channel: 'web' }, hidden: { orderId: 'o1', store: 'Shanghai' }, scores: { nps: 10, csat: null, ces: null },
    })
    expect(stored.answers).not.toHaveProperty('why')
    const before = await host.profile(id)
    expect(stored.profileSnapshot['tiering.tier']).toBe(before['tiering.tier'])
    expect(stored.profileSnapshot['tiering.ladder']).toBe(before['tiering.ladder'])
    expect(typeof stored.profileSnapshot['tiering.tier']).toBe('string')
    expect(before).toMatchObject({ 'satisfaction.lastNps': 10, 'satisfaction.npsCategory': 'promoter', 'satisfaction.responses': 1, 'satisfaction.lastRespondedAt': host.now().toISOString() })
    expect((await surveyEvents(host, id)).map((e) => e.type)).toEqual(['survey.invitation.created', 'survey.response.completed'])
    const invitation = (await host.json(await host.http.get(`${base}/invitations?customerId=${id}`))).items[0]
    expect(invitation).toMatchObject({ status: 'completed', responseId })
  })

  it('resumes a partial response with the same link, then completes it', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const me = asCustomer(host, (await invite(host, survey.id, id)).token)
    expect((await me.partial(survey.id, { channel: 'store' })).status).toBe(200)
    expect(await host.json(await me.form())).toMatchObject({ status: 'partial', answers: { channel: 'store' } })
    expect((await host.json(await host.http.get(`${base}/invitations?customerId=${id}`))).items[0].status).toBe('partial')
    expect((await responsesOf(host, 'status=partial')).map((r) => r.answers)).toEqual([{ channel: 'store' }])
    expect((await me.partial(survey.id, { channel: 'app', nps: 3 })).status).toBe(200)
    const done = await me.complete(survey.id, { channel: 'app', nps: 3, why: 'Slow delivery' })
    expect(done.status).toBe(201)
    const [response] = await responsesOf(host)
    expect(response).toMatchObject({ answers: { channel: 'app', nps: 3, why: 'Slow delivery' }, status: 'completed' })
    expect(await responsesOf(host, 'status=partial')).toEqual([])
    expect((await host.profile(id))['satisfaction.npsCategory']).toBe('detractor')
    const events = await surveyEvents(host, id)
    expect(events.map((e) => e.type)).toEqual(['survey.invitation.created', 'survey.response.completed', 'survey.detractor'])
    expect(events[1]!.payload).toMatchObject({ surveyId: survey.id, responseId: response.id, nps: 3, csat: null, ces: null })
  })

  it('takes only the customer\'s answers: staff fields beside them (customer, channel, status, version, scores) are a 400 naming each, and nothing is stored', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const { token } = await invite(host, survey.id, id)
    const link = host.as({ link: token })
    const staffFields = { customerId: 'cus_other', channel: 'phone', status: 'completed', version: 2, scores: { nps: 10 }, invitationId: 'inv_x' }
    for (const [field, value] of Object.entries(staffFields)) {
      for (const step of ['partial', 'complete']) {
        const res = await link.post(`${base}/respond/${survey.id}/${step}`, { answers: { nps: 9 }, [field]: value })
        const error = await refusal(res, 400)
        expect(error.code, field).toBe('REQUEST_INVALID')
        expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([`body.${field}`])
      }
    }
    expect(await responsesOf(host, 'status=completed')).toEqual([])
  })

  it('refuses structural problems with 400 naming the questions, and rules with 422, losing nothing saved', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const me = asCustomer(host, (await invite(host, survey.id, id)).token)
    await me.partial(survey.id, { channel: 'web' })
    const cases: Array<[Record<string, unknown>, string]> = [[{ nps: 11 }, 'nps'], [{ nps: '7' }, 'nps'], [{ nps: 5.5 }, 'nps'], [{ nps: 8, channel: 'fax' }, 'channel'], [{ nps: 8, colour: 'blue' }, 'colour']]
    for (const [answers, question] of cases) {
      const error = await refusal(await me.complete(survey.id, answers), 400)
      expect(error.code).toBe('SURVEY_ANSWER_INVALID')
      expect(error.details.questions).toEqual([question])
    }
    expect((await refusal(await me.partial(survey.id, { nps: -1 }), 400)).details.questions).toEqual(['nps'])
    const rules = await refusal(await me.complete(survey.id, { nps: 4 }), 422)
    expect(rules).toMatchObject({ code: 'SURVEY_ANSWER_RULES', details: { questions: ['why'] } })
    expect((await refusal(await me.complete(survey.id, { nps: 9, email: 'not-an-email' }), 422)).details.questions).toEqual(['email'])
    expect((await refusal(await me.complete(survey.id, {}), 422)).details.questions).toEqual(['nps'])
    expect(await responsesOf(host)).toEqual([])
    expect((await responsesOf(host, 'status=partial'))[0].answers).toEqual({ channel: 'web' })
    expect((await host.profile(id))['satisfaction.responses']).toBeUndefined()
  })

  it('takes one completed response per link: the second is a 409 naming the first', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const me = asCustomer(host, (await invite(host, survey.id, id)).token)
    const { responseId } = await host.json(await me.complete(survey.id, { nps: 9 }))
    for (const res of [await me.complete(survey.id, { nps: 2, why: 'changed my mind' }), await me.partial(survey.id, { nps: 2 })]) {
      expect(await refusal(res, 409)).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', details: { responseId } })
    }
    expect(await host.json(await me.form())).toMatchObject({ status: 'completed', responseId })
    expect((await responsesOf(host)).map((r) => r.scores.nps)).toEqual([9])
    expect((await host.profile(id))['satisfaction.responses']).toBe(1)
  })

  it('takes concurrent completions together: each valid one stored, a repeat of a link a 409, a bad answer a 400 that loses no other', async () => {
    const [a, b] = [await host.customer(), await host.customer()]
    const survey = await publishedSurvey(host)
    const links = [
      ...await Promise.all([1, 2, 3].map(async () => (await invite(host, survey.id, a, { ignoreQuietPeriod: true })).token)),
      ...await Promise.all([1, 2].map(async () => (await invite(host, survey.id, b, { ignoreQuietPeriod: true })).token)),
    ]
    const [first, , , fourth, fifth] = links as [string, string, string, string, string]
    const sent = await Promise.all([
      ...links.map((token, i) => asCustomer(host, token).complete(survey.id, { nps: 7 + (i % 4), channel: 'web' })),
      asCustomer(host, first).complete(survey.id, { nps: 0, why: 'a second tap' }),
      asCustomer(host, fifth).complete(survey.id, { nps: 12 }),
    ])
    const statuses = sent.map((res) => res.status)
    // The second completion of `first` is a 409 whichever of the two was written first.
    expect(statuses.slice(1, 5)).toEqual([201, 201, 201, 201])
    expect([statuses[0], statuses[5]].sort()).toEqual([201, 409])
    expect(statuses[6]).toBe(400)
    const stored = await responsesOf(host)
    expect(stored).toHaveLength(5)
    const winner = statuses[0] === 201 ? sent[0]! : sent[5]!
    const loser = statuses[0] === 201 ? sent[5]! : sent[0]!
    const { responseId } = await host.json(winner)
    expect(await refusal(loser, 409)).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', details: { responseId } })
    expect(stored.map((r) => r.id)).toContain(responseId)
    expect((await host.profile(a))['satisfaction.responses']).toBe(3)
    expect((await host.profile(b))['satisfaction.responses']).toBe(2)
    expect((await host.json(await asCustomer(host, fourth).form())).status).toBe('completed')
    expect((await surveyEvents(host, b)).filter((e) => e.type === 'survey.response.completed')).toHaveLength(2)
  })

  it('pins the version the link was issued for, even after a new version is published', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const me = asCustomer(host, (await invite(host, survey.id, id)).token)
    await host.http.put(`${base}/surveys/${survey.id}`, { json: { pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }, { type: 'boolean', name: 'again' }] }] } })
    await publish(host, survey.id)
    expect((await host.json(await me.form())).version).toBe(1)
    expect((await refusal(await me.complete(survey.id, { nps: 9, again: true }), 400)).details.questions).toEqual(['again'])
    expect((await host.json(await me.complete(survey.id, { nps: 9, channel: 'web' })))).toHaveProperty('responseId')
    expect((await responsesOf(host))[0].version).toBe(1)
  })

  it('refuses forged, expired and foreign tokens with coded errors', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const other = await publishedSurvey(host, { name: 'Other' })
    const { token } = await invite(host, survey.id, id, { ttlDays: 1 })
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`
    expect((await refusal(await asCustomer(host, forged).complete(survey.id, { nps: 9 }), 401)).code).toBe('LINK_INVALID')
    expect((await refusal(await asCustomer(host, 'not-a-token').form(), 401)).code).toBe('LINK_INVALID')
    const foreign = await refusal(await asCustomer(host, token).complete(other.id, { nps: 9 }), 403)
    expect(foreign).toMatchObject({ code: 'SURVEY_LINK_OTHER_SURVEY', details: { surveyId: other.id } })
    const plain = await host.json(await host.http.post(`/api/v1/customers/${id}/links`, { purpose: 'satisfaction-survey' }))
    expect((await refusal(await asCustomer(host, plain.token).form(), 404)).code).toBe('SURVEY_LINK_UNKNOWN')
    await travel(host, 2 * DAY)
    expect((await refusal(await asCustomer(host, token).complete(survey.id, { nps: 9 }), 401)).code).toBe('LINK_EXPIRED')
    expect(await responsesOf(host)).toEqual([])
  })

  it('refuses answers once the survey is archived', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    const me = asCustomer(host, (await invite(host, survey.id, id)).token)
    await host.http.post(`${base}/surveys/${survey.id}/archive`)
    expect((await refusal(await me.complete(survey.id, { nps: 9 }), 409)).code).toBe('SURVEY_CLOSED')
    expect((await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: id, ignoreQuietPeriod: true }), 409)).code).toBe('SURVEY_ARCHIVED')
  })
})
