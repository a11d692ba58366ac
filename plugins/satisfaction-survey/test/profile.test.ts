import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { npsCategory } from '../server/profile.js'
import { recomputeProfile } from '../server/recompute-profile.js'
import { asCustomer, DAY, invite, publishedSurvey, travel } from './survey-client.js'

describe('NPS categories', () => {
  it.each([[10, 'promoter'], [9, 'promoter'], [8, 'passive'], [7, 'passive'], [6, 'detractor'], [0, 'detractor']])('NPS %i is a %s', (nps, category) => {
    expect(npsCategory(nps)).toBe(category)
  })
})

describe.each(dialects)('profile fields on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('mirrors last NPS, average CSAT, last CES, count and time over several surveys, and recomputes the same from the responses', async () => {
    const id = await host.customer()
    const nps = await publishedSurvey(host)
    const member = await publishedSurvey(host, { name: 'Member', templateId: 'member-satisfaction', json: undefined, scores: undefined })
    const ces = await publishedSurvey(host, { name: 'Effort', templateId: 'ces', json: undefined, scores: undefined })
    const answer = async (surveyId: string, answers: Record<string, unknown>) => {
      const { token } = await invite(host, surveyId, id, { ignoreQuietPeriod: true })
      expect((await asCustomer(host, token).complete(surveyId, answers)).status).toBe(201)
      await travel(host, DAY)
    }
    await answer(nps.id, { nps: 5, why: 'late' })
    await answer(member.id, { csat: 4, nps: 9 })
    await answer(ces.id, { ces: 6 })
    await answer(member.id, { csat: 5, nps: 7 })
    const profile = await host.profile(id)
    expect(profile).toMatchObject({
      'satisfaction.lastNps': 7, 'satisfaction.npsCategory': 'passive', 'satisfaction.avgCsat': 4.5, 'satisfaction.lastCes': 6, 'satisfaction.responses': 4,
    })
    expect(profile['satisfaction.lastRespondedAt']).toBe(new Date(host.now().getTime() - DAY).toISOString())
    const recomputed = await recomputeProfile(id, host.db)
    expect(Object.fromEntries(Object.entries(recomputed).map(([field, change]) => [field, (change as { set: unknown }).set]))).toEqual(
      Object.fromEntries(Object.entries(profile).filter(([field]) => field.startsWith('satisfaction.'))),
    )
    expect(await recomputeProfile(await host.customer(), host.db)).toEqual({})
  })
})
