/**
 * Answers prefilled through a signed link parameter (a score clicked in an e-mail): staff sign the
 * answers for an invitation's link, the customer's page opens with them saved as the response in
 * progress, and a changed or moved parameter is refused with SURVEY_PREFILL_INVALID.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { asCustomer, base, invite, publishedSurvey, refusal, responsesOf } from './survey-client.js'

describe.each(dialects)('prefilled answers on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const open = (token: string, prefill: string) => host.as({ link: token }).get(`${base}/respond?prefill=${encodeURIComponent(prefill)}`)
  const signFor = async (invitationId: string, answers: Record<string, unknown>) =>
    host.http.post(`${base}/invitations/${invitationId}/prefills`, { answers })

  it('opens the link with the signed answers saved as the response in progress, and completes it', async () => {
    const survey = await publishedSurvey(host)
    const issued = await invite(host, survey.id, await host.customer(), { prefill: { nps: 9 } })
    const prefill = new URL(issued.url, 'http://x').searchParams.get('prefill')!
    expect(issued.url).toBe(`/s/${issued.token}?prefill=${prefill}`)
    const form = await host.json(await open(issued.token, prefill))
    expect(form).toMatchObject({ status: 'partial', answers: { nps: 9 } })
    expect((await responsesOf(host, 'status=partial')).map((r) => r.answers)).toEqual([{ nps: 9 }])

    // Another button of the same e-mail (signed later by staff) replaces the score, keeping other saved answers.
    await asCustomer(host, issued.token).partial(survey.id, { nps: 9, channel: 'web' })
    const three = await host.json(await signFor(issued.id, { nps: 3 }))
    expect(await host.json(await open(issued.token, three.prefill))).toMatchObject({ answers: { nps: 3, channel: 'web' } })
    expect((await asCustomer(host, issued.token).complete(survey.id, { nps: 3, channel: 'web', why: 'late' })).status).toBe(201)
    // A completed link shows its thank-you page whatever it carries.
    expect(await host.json(await open(issued.token, three.prefill))).toMatchObject({ status: 'completed' })
    expect((await responsesOf(host)).map((r) => r.answers)).toEqual([{ nps: 3, channel: 'web', why: 'late' }])
  })

  it('refuses a changed, moved or malformed prefill with SURVEY_PREFILL_INVALID, saving nothing', async () => {
    const survey = await publishedSurvey(host)
    const customer = await host.customer()
    const mine = await invite(host, survey.id, customer)
    const other = await invite(host, survey.id, customer, { ignoreQuietPeriod: true })
    const { prefill } = await host.json(await signFor(mine.id, { nps: 2 }))
    const [payload, signature] = prefill.split('.')
    const changed = `${Buffer.from(JSON.stringify({ nps: 10 })).toString('base64url')}.${signature}`
    for (const [token, value, reason] of [[mine.token, changed, 'signature'], [other.token, prefill, 'signature'], [mine.token, payload, 'malformed'], [mine.token, `${payload}.`, 'signature']]) {
      expect(await refusal(await open(token!, value!), 400)).toMatchObject({ code: 'SURVEY_PREFILL_INVALID', details: { reason } })
    }
    expect(await responsesOf(host, 'status=partial')).toEqual([])
    expect((await host.json(await open(mine.token, prefill))).answers).toEqual({ nps: 2 })
  })

  it('checks prefilled answers like any answer when they are signed: 400 malformed, 422 broken rule', async () => {
    const survey = await publishedSurvey(host, { json: { elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }, { type: 'comment', name: 'why', maxLength: 3 }] } })
    const issued = await invite(host, survey.id, await host.customer())
    expect(await refusal(await signFor(issued.id, { nps: 11 }), 400)).toMatchObject({ code: 'SURVEY_ANSWER_INVALID', details: { questions: ['nps'] } })
    expect(await refusal(await signFor(issued.id, { colour: 'red' }), 400)).toMatchObject({ code: 'SURVEY_ANSWER_INVALID', details: { questions: ['colour'] } })
    expect(await refusal(await signFor(issued.id, { why: 'too long' }), 422)).toMatchObject({ code: 'SURVEY_ANSWER_RULES', details: { questions: ['why'] } })
    expect((await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: await host.customer(), prefill: { nps: -1 } }), 400)).code).toBe('SURVEY_ANSWER_INVALID')
    expect((await refusal(await signFor('inv_nope', { nps: 1 }), 404)).code).toBe('SURVEY_INVITATION_NOT_FOUND')
    expect((await host.as('anonymous').post(`${base}/invitations/${issued.id}/prefills`, { answers: { nps: 1 } })).status).toBe(401)
    expect((await refusal(await host.as('analyst').post(`${base}/invitations/${issued.id}/prefills`, { answers: { nps: 1 } }), 403)).code).toBe('AUTH_FORBIDDEN')
  })
})
