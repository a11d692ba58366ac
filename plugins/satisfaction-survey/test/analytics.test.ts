import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { analytics, seedResponses } from './analytics-seed.js'
import { asCustomer, base, invite, publishedSurvey, refusal } from './survey-client.js'

describe.each(dialects)('NPS analytics on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('computes NPS with its 95% margin of error from promoter, passive and detractor counts', async () => {
    const survey = await publishedSurvey(host)
    // 5 promoters, 3 passives, 2 detractors: NPS 30; variance 0.7 − 0.09 = 0.61; 1.96 × sqrt(0.061) × 100 = 48.4
    const scores = [10, 10, 9, 9, 9, 8, 7, 7, 6, 0]
    await seedResponses(host, scores.map((nps, i) => ({ surveyId: survey.id, nps, at: `2026-02-0${1 + (i % 5)}T10:00:00.000Z` })))
    await seedResponses(host, [{ surveyId: survey.id, nps: null, csat: 4, at: '2026-02-02T10:00:00.000Z' }])
    const body = await analytics(host, '/analytics/nps?from=2026-02-01&to=2026-02-28&bucket=month')
    expect(body.overall).toEqual({ nps: 30, marginOfError: 48.4, responses: 10, promoters: 5, passives: 3, detractors: 2 })
    expect(body.trend).toEqual([{ period: '2026-02-01', ...body.overall }])
    const empty = await analytics(host, '/analytics/nps?from=2025-02-01&to=2025-02-02')
    expect(empty.overall).toEqual({ nps: null, marginOfError: null, responses: 0, promoters: 0, passives: 0, detractors: 0 })
    expect(empty.trend.map((t: { period: string }) => t.period)).toEqual(['2025-02-01', '2025-02-02'])
    const allPromoters = await analytics(host, '/analytics/nps?from=2026-02-01&to=2026-02-01')
    expect(allPromoters.overall).toMatchObject({ nps: 50, responses: 2 })
  })

  it('buckets by local day across a DST change, and by ISO week and month, in the given time zone', async () => {
    const survey = await publishedSurvey(host)
    await seedResponses(host, [
      { surveyId: survey.id, nps: 10, at: '2026-03-28T23:30:00.000Z' }, // 00:30 on 29 March in Paris (UTC+1)
      { surveyId: survey.id, nps: 0, at: '2026-03-29T21:30:00.000Z' }, // 23:30 on 29 March (UTC+2 since 02:00)
      { surveyId: survey.id, nps: 9, at: '2026-03-29T22:30:00.000Z' }, // 00:30 on 30 March: one fixed offset would say the 29th
      { surveyId: survey.id, nps: 5, at: '2026-04-01T08:00:00.000Z' },
    ])
    const days = await analytics(host, '/analytics/nps?from=2026-03-28&to=2026-03-31&bucket=day&timeZone=Europe/Paris')
    expect(days.trend.map((t: { period: string; responses: number; nps: number | null }) => [t.period, t.responses, t.nps])).toEqual([
      ['2026-03-28', 0, null], ['2026-03-29', 2, 0], ['2026-03-30', 1, 100], ['2026-03-31', 0, null],
    ])
    const inUtc = await analytics(host, '/analytics/nps?from=2026-03-28&to=2026-03-31&bucket=day')
    expect(inUtc.trend.map((t: { responses: number }) => t.responses)).toEqual([1, 2, 0, 0])
    const weeks = await analytics(host, '/analytics/nps?from=2026-03-25&to=2026-04-05&bucket=week&timeZone=Asia/Shanghai')
    expect(weeks.trend.map((t: { period: string; responses: number }) => [t.period, t.responses])).toEqual([['2026-03-23', 1], ['2026-03-30', 3]])
    const months = await analytics(host, '/analytics/nps?from=2026-03-15&to=2026-04-30&bucket=month&timeZone=Europe/Paris')
    expect(months).toMatchObject({ from: '2026-03-15', to: '2026-04-30', timeZone: 'Europe/Paris', bucket: 'month' })
    expect(months.trend.map((t: { period: string; responses: number }) => [t.period, t.responses])).toEqual([['2026-03-01', 3], ['2026-04-01', 1]])
  })

  it('segments NPS by channel, survey, version and a profile field as answered', async () => {
    const a = await publishedSurvey(host, { name: 'After sale' })
    const b = await publishedSurvey(host, { name: 'Member' })
    const at = '2026-05-10T10:00:00.000Z'
    await seedResponses(host, [
      { surveyId: a.id, nps: 10, at, channel: 'link', snapshot: { 'tiering.tier': 'diamond' } },
      { surveyId: a.id, nps: 9, at, channel: 'link', snapshot: { 'tiering.tier': 'diamond' } },
      { surveyId: a.id, nps: 3, at, channel: 'link', snapshot: { 'tiering.tier': 'iron' } },
      { surveyId: b.id, nps: 8, at, channel: 'public' },
    ])
    const range = 'from=2026-05-01&to=2026-05-31'
    const byChannel = await analytics(host, `/analytics/nps/segments?by=channel&${range}`)
    expect(byChannel.segments.map((s: { key: string; responses: number; nps: number }) => [s.key, s.responses, s.nps])).toEqual([['link', 3, 33.3], ['public', 1, 0]])
    const bySurvey = await analytics(host, `/analytics/nps/segments?by=survey&${range}`)
    expect(bySurvey.segments.map((s: { key: string; label: string }) => [s.key, s.label])).toEqual([[a.id, 'After sale'], [b.id, 'Member']])
    const byVersion = await analytics(host, `/analytics/nps/segments?by=version&surveyId=${a.id}&${range}`)
    expect(byVersion.segments).toEqual([{ key: `${a.id}@1`, label: 'After sale v1', nps: 33.3, marginOfError: expect.any(Number), responses: 3, promoters: 2, passives: 0, detractors: 1 }])
    const byTier = await analytics(host, `/analytics/nps/segments?by=field&field=tiering.tier&${range}`)
    expect(byTier).toMatchObject({ by: 'field', field: 'tiering.tier', fieldSource: 'snapshot' })
    expect(byTier.segments.map((s: { key: string | null; nps: number }) => [s.key, s.nps])).toEqual([['diamond', 100], ['iron', -100], [null, 0]])
  })

  it('segments by source and by a current profile field, from responses given through links and the public link', async () => {
    const survey = await publishedSurvey(host, { publicLink: { enabled: true, oneResponsePerClient: false } })
    const answer = async (nps: number) => {
      const id = await host.customer()
      const { token } = await invite(host, survey.id, id, { ignoreQuietPeriod: true })
      expect((await asCustomer(host, token).complete(survey.id, { nps, ...(nps <= 6 ? { why: 'late' } : {}) })).status).toBe(201)
    }
    await answer(10)
    await answer(2)
    const token = (await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).publicToken
    expect((await host.as('anonymous').post(`${base}/public/${token}/responses`, { answers: { nps: 9 } })).status).toBe(201)
    const day = host.now().toISOString().slice(0, 10)
    const bySource = await analytics(host, `/analytics/nps/segments?by=source&from=${day}&to=${day}`)
    expect(bySource.segments.map((s: { key: string; responses: number }) => [s.key, s.responses])).toEqual([['manual', 2], ['public', 1]])
    const byCategory = await analytics(host, `/analytics/nps/segments?by=field&field=satisfaction.npsCategory&fieldSource=current&from=${day}&to=${day}`)
    expect(byCategory.segments.map((s: { key: string | null; nps: number }) => [s.key, s.nps])).toEqual([['detractor', -100], ['promoter', 100], [null, 100]])
  })

  it('refuses bad parameters with coded 400s and unknown surveys with 404s', async () => {
    const bad = async (path: string, param: string) => {
      const error = await refusal(await host.as('analyst').get(`${base}${path}`), 400)
      expect(error.code).toBe('REQUEST_INVALID')
      expect(JSON.stringify(error.details)).toContain(param)
    }
    await bad('/analytics/nps?from=2026-02-10&to=2026-02-01', 'to')
    await bad('/analytics/nps?from=2026-02-30', 'from')
    await bad('/analytics/nps?from=2020-01-01&to=2026-01-01', 'to')
    await bad('/analytics/nps?timeZone=Mars/Olympus', 'timeZone')
    await bad('/analytics/nps?bucket=year', 'bucket')
    await bad('/analytics/scores?version=2', 'version')
    await bad('/analytics/nps/segments?by=field', 'field')
    await bad('/analytics/nps/segments?by=field&field=tier;drop', 'field')
    await bad('/analytics/questions', 'surveyId')
    await bad('/analytics/texts?surveyId=s&question=why&limit=500', 'limit')
    expect((await refusal(await host.as('analyst').get(`${base}/analytics/questions?surveyId=nope`), 404)).code).toBe('SURVEY_NOT_FOUND')
    const survey = await publishedSurvey(host)
    expect((await refusal(await host.as('analyst').get(`${base}/analytics/drop-off?surveyId=${survey.id}&version=7`), 404)).code).toBe('SURVEY_VERSION_NOT_FOUND')
    const missing = await refusal(await host.as('analyst').get(`${base}/analytics/texts?surveyId=${survey.id}&question=nope`), 404)
    expect(missing).toMatchObject({ code: 'SURVEY_QUESTION_NOT_FOUND', details: { question: 'nope' } })
    expect((await host.as('anonymous').get(`${base}/analytics/nps`)).status).toBe(401)
  })
})
