import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, createSurvey, npsSurveyJson, publish, refusal } from './survey-client.js'

describe.each(dialects)('surveys and versions on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('lists the five built-in templates in zh-CN and en, and creates a survey from each', async () => {
    const { items } = await host.json(await host.http.get(`${base}/templates`))
    expect(items.map((t: any) => t.id)).toEqual(['nps', 'csat-purchase', 'csat-complaint', 'ces', 'member-satisfaction'])
    for (const t of items) {
      expect(t.title.en && t.title['zh-CN']).toBeTruthy()
      expect(JSON.stringify(t.json)).toContain('zh-cn')
      const created = await createSurvey(host, { name: t.title.en, json: undefined, scores: undefined, templateId: t.id })
      expect(created).toMatchObject({ status: 'draft', scores: t.scores, locales: ['zh-CN', 'en'], latestVersion: null })
      expect((await publish(host, created.id)).version).toBe(1)
    }
  })

  it('creates a draft with locales and theme, edits it, and lists it', async () => {
    const created = await createSurvey(host, { locales: ['en', 'zh-CN'], defaultLocale: 'en', theme: { brandColor: '#1f6feb', logoUrl: 'https://shop.example/logo.png' } })
    expect(created).toMatchObject({ status: 'draft', defaultLocale: 'en', theme: { brandColor: '#1f6feb' }, publicToken: null, draftChanged: true })
    expect(created).not.toHaveProperty('publicSecret')
    const res = await host.http.put(`${base}/surveys/${created.id}`, { name: 'Renamed', triggers: [{ on: 'order.completed', delayDays: 3 }] })
    expect(res.status).toBe(200)
    expect(await host.json(res)).toMatchObject({ name: 'Renamed', triggers: [{ on: 'order.completed', delayDays: 3 }], json: npsSurveyJson })
    const { items } = await host.json(await host.http.get(`${base}/surveys?status=draft`))
    expect(items.map((s: any) => s.name)).toEqual(['Renamed'])
  })

  it('publishes numbered immutable versions; editing the survey edits its draft only', async () => {
    const survey = await createSurvey(host)
    const v1 = await publish(host, survey.id)
    expect(v1).toMatchObject({ version: 1, surveyId: survey.id, scores: { nps: 'nps' } })
    const edited = { pages: [{ name: 'p1', elements: [...npsSurveyJson.pages[0]!.elements, { type: 'boolean', name: 'again', title: 'Buy again?' }] }] }
    const draft = await host.json(await host.http.put(`${base}/surveys/${survey.id}`, { json: edited }))
    expect(draft).toMatchObject({ status: 'published', latestVersion: 1, draftChanged: true })
    expect((await host.json(await host.http.get(`${base}/surveys/${survey.id}/versions/1`))).json).toEqual(npsSurveyJson)
    const v2 = await publish(host, survey.id)
    expect(v2.version).toBe(2)
    const { items } = await host.json(await host.http.get(`${base}/surveys/${survey.id}/versions`))
    expect(items.map((v: any) => [v.version, v.json.pages[0].elements.length])).toEqual([[1, 4], [2, 5]])
    expect((await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).draftChanged).toBe(false)
  })

  it('refuses any edit of a published version with 409, changing nothing', async () => {
    const survey = await createSurvey(host)
    await publish(host, survey.id)
    const error = await refusal(await host.http.put(`${base}/surveys/${survey.id}/versions/1`, { json: {} }), 409)
    expect(error).toMatchObject({ code: 'SURVEY_VERSION_IMMUTABLE', details: { surveyId: survey.id, version: 1 } })
    expect((await refusal(await host.http.put(`${base}/surveys/${survey.id}/versions/9`), 404)).code).toBe('SURVEY_VERSION_NOT_FOUND')
    expect((await host.json(await host.http.get(`${base}/surveys/${survey.id}/versions/1`))).json).toEqual(npsSurveyJson)
  })

  it('refuses invalid SurveyJS JSON with 400 naming the path, and stores nothing', async () => {
    const bad = { pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }, { type: 'teleporter', name: 'x' }] }] }
    const error = await refusal(await host.http.post(`${base}/surveys`, { name: 'Bad', json: bad }), 400)
    expect(error.code).toBe('SURVEY_DEFINITION_INVALID')
    expect(error.details.issues.map((i: any) => i.path).join(' ')).toContain('pages[0].elements[1]')
    expect((await host.json(await host.http.get(`${base}/surveys`))).items).toEqual([])
    const survey = await createSurvey(host)
    expect((await refusal(await host.http.put(`${base}/surveys/${survey.id}`, { json: bad }), 400)).code).toBe('SURVEY_DEFINITION_INVALID')
    expect((await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).json).toEqual(npsSurveyJson)
  })

  it.each([
    [{ nps: 'missing' }, 'is not in the survey'],
    [{ nps: 'channel' }, 'must be a rating question'],
    [{ csat: 'nps' }, 'must rate from 1 to 5'],
  ])('refuses score marks %j (%s)', async (scores, reason) => {
    const error = await refusal(await host.http.post(`${base}/surveys`, { name: 'x', json: npsSurveyJson, scores }), 400)
    expect(error.code).toBe('SURVEY_SCORE_QUESTION_INVALID')
    expect(error.details.reason).toContain(reason)
  })

  it('refuses bad requests: unknown template, default locale not offered, bad theme, unknown keys', async () => {
    expect((await refusal(await host.http.post(`${base}/surveys`, { name: 'x', templateId: 'nope' }), 404)).code).toBe('SURVEY_TEMPLATE_NOT_FOUND')
    expect((await refusal(await host.http.post(`${base}/surveys`, { name: 'x', json: npsSurveyJson, locales: ['en'], defaultLocale: 'zh-CN' }), 400)).code).toBe('SURVEY_DEFINITION_INVALID')
    expect((await refusal(await host.http.post(`${base}/surveys`, { name: 'x', theme: { brandColor: 'red' } }), 400)).code).toBe('REQUEST_INVALID')
    expect((await refusal(await host.http.post(`${base}/surveys`, { name: 'x', colour: 1 }), 400)).code).toBe('REQUEST_INVALID')
    expect((await refusal(await host.http.post(`${base}/surveys`, { name: 'x', templateId: 'nps', json: npsSurveyJson }), 400)).code).toBe('REQUEST_INVALID')
    expect((await refusal(await host.http.get(`${base}/surveys/srv_none`), 404)).code).toBe('SURVEY_NOT_FOUND')
  })

  it('deletes drafts only, and archives: an archived survey takes no edits', async () => {
    const draft = await createSurvey(host)
    expect((await host.http.delete(`${base}/surveys/${draft.id}`)).status).toBe(204)
    expect((await refusal(await host.http.get(`${base}/surveys/${draft.id}`), 404)).code).toBe('SURVEY_NOT_FOUND')
    const published = await createSurvey(host)
    await publish(host, published.id)
    expect((await refusal(await host.http.delete(`${base}/surveys/${published.id}`), 409)).code).toBe('SURVEY_NOT_DELETABLE')
    const archived = await host.json(await host.http.post(`${base}/surveys/${published.id}/archive`))
    expect(archived).toMatchObject({ status: 'archived' })
    expect((await refusal(await host.http.put(`${base}/surveys/${published.id}`, { name: 'again' }), 409)).code).toBe('SURVEY_ARCHIVED')
    expect((await refusal(await host.http.post(`${base}/surveys/${published.id}/versions`), 409)).code).toBe('SURVEY_ARCHIVED')
  })
})
