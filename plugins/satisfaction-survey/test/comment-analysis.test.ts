import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { analytics, richSurveyJson } from './analytics-seed.js'
import { asCustomer, base, invite, publishedSurvey } from './survey-client.js'

describe.each(dialects)('sentiment and themes of free-text answers on %s', (dialect) => {
  let host: TestHost
  let surveyId: string
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    surveyId = (await publishedSurvey(host, { name: 'Rich', json: richSurveyJson, scores: { nps: 'nps', csat: 'csat' } })).id
  })
  afterAll(() => host.close())

  const respond = async (answers: Record<string, unknown>) => {
    const me = asCustomer(host, (await invite(host, surveyId, await host.customer())).token)
    expect((await me.complete(surveyId, answers)).status).toBe(201)
  }

  it("summarises one question's answers in both languages by sentiment and theme", async () => {
    await respond({ nps: 2, why: '物流太慢了，等了一个星期。' })
    await respond({ nps: 3, why: 'Delivery was late and the courier was rude.' })
    await respond({ nps: 10, why: '店员很热情，服务很周到，非常满意！' })
    await respond({ nps: 8, why: 'Do you deliver on Sundays?' })
    await respond({ nps: 9 })
    const summary = await analytics(host, `/analytics/texts/summary?surveyId=${surveyId}&question=why`)
    expect(summary).toMatchObject({ total: 4, negative: 2, positive: 1, neutral: 1, capped: false })
    const delivery = summary.themes.find((theme: { theme: string }) => theme.theme === 'delivery')
    expect(delivery).toMatchObject({ negative: 2, label: { 'zh-CN': '物流配送', en: 'Delivery' } })
    expect(summary.themes.find((theme: { theme: string }) => theme.theme === 'service')).toMatchObject({ positive: 1 })
  })

  it('refuses a question the survey does not have, and a missing survey', async () => {
    const unknown = await host.http.get(`${base}/analytics/texts/summary?surveyId=${surveyId}&question=nope`)
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([404, 'SURVEY_QUESTION_NOT_FOUND'])
    const missing = await host.http.get(`${base}/analytics/texts/summary?question=why`)
    expect(missing.status).toBe(400)
  })
})
