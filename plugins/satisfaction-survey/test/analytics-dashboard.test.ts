import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { seedResponses } from './analytics-seed.js'
import { asCustomer, invite, publishedSurvey } from './survey-client.js'

describe.each(dialects)("the dashboard widget nps on %s", (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const widget = async (query: string) => {
    const res = await host.as('analyst').get(`/api/v1/dashboard${query}`)
    expect(res.status).toBe(200)
    const body = await host.json(res)
    const found = body.widgets.find((w: { plugin: string; id: string }) => w.plugin === 'satisfaction-survey' && w.id === 'nps')
    expect(found).toMatchObject({ title: { en: 'NPS', 'zh-CN': '净推荐值 (NPS)' } })
    expect(found.error).toBeUndefined()
    return found.data
  }

  it('gives NPS, margin of error, average CSAT and a daily trend for the range', async () => {
    const survey = await publishedSurvey(host, { name: 'Member', templateId: 'member-satisfaction', json: undefined, scores: undefined })
    const promoter = await host.customer()
    const detractor = await host.customer()
    for (const [id, answers] of [[promoter, { csat: 5, nps: 10 }], [detractor, { csat: 2, nps: 4 }]] as const) {
      expect((await asCustomer(host, (await invite(host, survey.id, id)).token).complete(survey.id, answers)).status).toBe(201)
    }
    const day = host.now().toISOString().slice(0, 10)
    const first = new Date(host.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10)
    // One promoter, one detractor: scores +1 and −1, variance 1, 1.96 × sqrt(1 / 2) × 100 = 138.6
    const data = await widget(`?from=${first}&to=${day}`)
    expect(data).toEqual({
      nps: 0, marginOfError: 138.6, responses: 2, promoters: 1, passives: 0, detractors: 1, avgCsat: 3.5,
      trend: [{ period: first, nps: null, responses: 0 }, { period: expect.any(String), nps: null, responses: 0 }, { period: expect.any(String), nps: 0, responses: 2 }],
    })
    // The segment narrows the responses to its customers: here, the current promoters.
    const promoters = await widget(`?from=${first}&to=${day}&filter=satisfaction.npsCategory:eq:promoter`)
    expect(promoters).toMatchObject({ nps: 100, responses: 1, avgCsat: 5 })
  })

  it('trends by ISO week when the range is longer than 62 days, and is empty before any response', async () => {
    const survey = await publishedSurvey(host)
    await seedResponses(host, [
      { surveyId: survey.id, nps: 9, at: '2026-01-05T03:00:00.000Z' },
      { surveyId: survey.id, nps: 7, at: '2026-03-10T03:00:00.000Z', csat: 4 },
    ])
    const data = await widget('?from=2026-01-01&to=2026-03-31')
    expect(data).toMatchObject({ nps: 50, responses: 2, avgCsat: 4 })
    expect(data.trend[0]).toEqual({ period: '2025-12-29', nps: null, responses: 0 })
    expect(data.trend.every((t: { period: string }) => new Date(`${t.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true)
    expect(data.trend.filter((t: { responses: number }) => t.responses > 0).map((t: { period: string }) => t.period)).toEqual(['2026-01-05', '2026-03-09'])
    const daily = await widget('?from=2026-01-01&to=2026-03-03')
    expect(daily.trend).toHaveLength(62)
    expect(await widget('?from=2020-01-01&to=2020-01-02')).toEqual({
      nps: null, marginOfError: null, responses: 0, promoters: 0, passives: 0, detractors: 0, avgCsat: null,
      trend: [{ period: '2020-01-01', nps: null, responses: 0 }, { period: '2020-01-02', nps: null, responses: 0 }],
    })
  })
})
