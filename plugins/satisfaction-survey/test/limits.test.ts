import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { isSampled } from '../server/limits/sampled.js'
import { asCustomer, base, invite, publishedSurvey, refusal, travel, DAY } from './survey-client.js'
import { tieringStub } from './tiering-stub.js'

describe('sampling', () => {
  it('draws about the asked share of customers, the same ones every time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `c_${i}`)
    const inSample = ids.filter((id) => isSampled('srv_a', id, 20))
    expect(inSample.length).toBeGreaterThan(320)
    expect(inSample.length).toBeLessThan(480)
    expect(ids.filter((id) => isSampled('srv_a', id, 20))).toEqual(inSample)
    expect(ids.filter((id) => isSampled('srv_b', id, 20))).not.toEqual(inSample)
    expect(ids.every((id) => isSampled('srv_a', id, 100) && isSampled('srv_a', id, null))).toBe(true)
  })
})

describe.each(dialects)('survey caps, sampling and quotas on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [satisfactionSurvey, tieringStub], dialect, config: { 'satisfaction-survey': { quietDays: 0 } } })
  }, 120_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const limit = (surveyId: string, body: unknown) => host.http.put(`${base}/surveys/${surveyId}/limits`, body)
  const answer = async (surveyId: string, answers: Record<string, unknown> = { nps: 9 }) => {
    const { token } = await invite(host, surveyId, await host.customer())
    return asCustomer(host, token).complete(surveyId, answers)
  }

  it('caps responses in total and per day: an invitation and a submission past the cap are 409, the next day takes more', async () => {
    const survey = await publishedSurvey(host)
    expect((await limit(survey.id, { maxResponses: 3, maxPerDay: 2 })).status).toBe(200)
    const links = []
    for (let i = 0; i < 4; i++) links.push(asCustomer(host, (await invite(host, survey.id, await host.customer())).token))
    for (const link of links.slice(0, 2)) expect((await link.complete(survey.id, { nps: 9 })).status).toBe(201)
    // Invited before the day's cap was reached, refused on submission; and no invitation while it holds.
    expect(await refusal(await links[2]!.complete(survey.id, { nps: 8 }), 409)).toMatchObject({ code: 'SURVEY_CAP_REACHED', details: { limit: 'day', max: 2 } })
    expect((await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: await host.customer() }), 409)).code).toBe('SURVEY_CAP_REACHED')
    await travel(host, DAY)
    expect((await links[3]!.complete(survey.id, { nps: 9 })).status).toBe(201)
    const full = await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: await host.customer() })
    expect(await refusal(full, 409)).toMatchObject({ code: 'SURVEY_CAP_REACHED', details: { limit: 'total', max: 3 } })
    expect(await host.json(await host.http.get(`${base}/surveys/${survey.id}/limits`))).toMatchObject({ maxResponses: 3, counts: { total: 3, today: 1 } })
  })

  it('counts responses given before the limits were set, and lets them go when the limits are turned off', async () => {
    const survey = await publishedSurvey(host)
    const late = asCustomer(host, (await invite(host, survey.id, await host.customer())).token)
    for (let i = 0; i < 2; i++) expect((await answer(survey.id)).status).toBe(201)
    await limit(survey.id, { maxResponses: 2 })
    expect((await refusal(await late.complete(survey.id, { nps: 9 }), 409)).code).toBe('SURVEY_CAP_REACHED')
    expect((await limit(survey.id, { maxResponses: null })).status).toBe(200)
    expect((await late.complete(survey.id, { nps: 9 })).status).toBe(201)
  })

  it('invites only the sampled share, deterministically: an unsampled customer is 409 SURVEY_NOT_SAMPLED each time', async () => {
    const survey = await publishedSurvey(host)
    await limit(survey.id, { samplePercent: 30 })
    const ids = await Promise.all(Array.from({ length: 20 }, () => host.customer()))
    const statuses = []
    for (const customerId of ids) statuses.push((await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId })).status)
    expect(statuses.map((s, i) => (s === 201) === isSampled(survey.id, ids[i]!, 30))).toEqual(ids.map(() => true))
    const out = ids.find((id) => !isSampled(survey.id, id, 30))!
    const again = await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: out })
    expect(await refusal(again, 409)).toMatchObject({ code: 'SURVEY_NOT_SAMPLED', details: { percent: 30 } })
  })

  it('closes a quota cell when full: per answer on submission, per profile field (tier) on invitation and submission', async () => {
    const survey = await publishedSurvey(host)
    await limit(survey.id, { quotas: [{ source: 'answer', key: 'channel', max: 1, maxByValue: { web: 2 } }, { source: 'profile', key: 'tiering.tier', max: 1 }] })
    expect((await answer(survey.id, { nps: 9, channel: 'store' })).status).toBe(201)
    expect(await refusal(await answer(survey.id, { nps: 7, channel: 'store' }), 409)).toMatchObject({ code: 'SURVEY_QUOTA_FULL', details: { key: 'channel', value: 'store', max: 1 } })
    expect((await answer(survey.id, { nps: 7, channel: 'web' })).status).toBe(201)
    expect((await answer(survey.id, { nps: 7 })).status).toBe(201)
    const [gold1, gold2] = [await host.customer(), await host.customer()]
    for (const id of [gold1, gold2]) await host.emit('tiering.stubTierSet', id, { tier: 'diamond' })
    const pending = await invite(host, survey.id, gold2)
    const { token } = await invite(host, survey.id, gold1)
    expect((await asCustomer(host, token).complete(survey.id, { nps: 10 })).status).toBe(201)
    expect(await refusal(await asCustomer(host, pending.token).complete(survey.id, { nps: 10 }), 409)).toMatchObject({ code: 'SURVEY_QUOTA_FULL', details: { key: 'tiering.tier', value: 'diamond' } })
    const third = await host.customer()
    await host.emit('tiering.stubTierSet', third, { tier: 'diamond' })
    expect((await refusal(await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: third }), 409)).code).toBe('SURVEY_QUOTA_FULL')
    const view = await host.json(await host.http.get(`${base}/surveys/${survey.id}/limits`))
    expect(view.counts.quotas).toEqual(expect.arrayContaining([
      { source: 'answer', key: 'channel', value: 'store', count: 1, max: 1 }, { source: 'answer', key: 'channel', value: 'web', count: 1, max: 2 },
      { source: 'profile', key: 'tiering.tier', value: 'diamond', count: 1, max: 1 },
    ]))
  })

  it('refuses a quota on a question the survey does not have (422) and malformed limits (400)', async () => {
    const survey = await publishedSurvey(host)
    expect(await refusal(await limit(survey.id, { quotas: [{ source: 'answer', key: 'nope', max: 5 }] }), 422)).toMatchObject({ code: 'SURVEY_LIMITS_INVALID', details: { key: 'nope' } })
    expect((await refusal(await limit(survey.id, { samplePercent: 0 }), 400)).code).toBe('REQUEST_INVALID')
    expect((await refusal(await limit('srv_nope', {}), 404)).code).toBe('SURVEY_NOT_FOUND')
  })
})
