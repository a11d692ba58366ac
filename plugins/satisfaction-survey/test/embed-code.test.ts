/**
 * The embed widget sends only the score. `GET /surveys/{id}/embed-code` gives the admin the script
 * tag for a survey the widget can answer, and refuses with SURVEY_EMBED_UNSUITABLE, naming the
 * questions, a survey whose other required questions would make every click fail (two built-in
 * templates among them).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, createSurvey, publish, publishedSurvey, refusal } from './survey-client.js'

describe.each(dialects)('embed code on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const embedCode = (surveyId: string, question = 'nps') => host.http.get(`${base}/surveys/${surveyId}/embed-code?question=${question}`)
  const fromTemplate = async (templateId: string) => {
    const survey = await host.json(await host.http.post(`${base}/surveys`, { name: templateId, templateId, publicLink: { enabled: true, oneResponsePerClient: false } }))
    await publish(host, survey.id)
    return host.json(await host.http.get(`${base}/surveys/${survey.id}`))
  }

  it('gives the script tag parts for a survey the widget can answer', async () => {
    const survey = await fromTemplate('nps')
    expect(await host.json(await embedCode(survey.id))).toEqual({
      surveyId: survey.id, question: 'nps', questionName: 'nps', scriptPath: '/s/embed.js', attributes: { 'data-survey': survey.publicToken, 'data-question': 'nps' },
    })
    expect((await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 3 } })).status).toBe(201)
  })

  it.each([
    ['csat-complaint', 'csat', ['resolved']],
    ['member-satisfaction', 'nps', ['csat']],
    ['member-satisfaction', 'csat', ['nps']],
  ])('refuses the %s template for the %s widget, naming %j', async (templateId, question, questions) => {
    const survey = await fromTemplate(templateId)
    expect(await refusal(await embedCode(survey.id, question), 409)).toMatchObject({ code: 'SURVEY_EMBED_UNSUITABLE', details: { reason: 'other-questions-required', questions } })
    // What the widget would send is refused: the reason the code is not offered.
    const res = await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers: { [question]: 4 } })
    expect((await refusal(res, 422)).details.questions).toEqual(questions)
  })

  it('refuses a question required only after a low score, a survey without a public link, without the scale, or unpublished', async () => {
    const followUp = await publishedSurvey(host, { publicLink: { enabled: true } })
    expect(await refusal(await embedCode(followUp.id), 409)).toMatchObject({ details: { reason: 'other-questions-required', questions: ['why'] } })
    const closed = await publishedSurvey(host, { json: { elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }, publicLink: { enabled: false } })
    expect(await refusal(await embedCode(closed.id), 409)).toMatchObject({ code: 'SURVEY_EMBED_UNSUITABLE', details: { reason: 'public-link-off' } })
    await host.http.put(`${base}/surveys/${closed.id}`, { publicLink: { enabled: true } })
    expect(await refusal(await embedCode(closed.id, 'csat'), 409)).toMatchObject({ details: { reason: 'no-score-question' } })
    expect((await refusal(await embedCode((await createSurvey(host)).id), 409)).code).toBe('SURVEY_NOT_PUBLISHED')
    expect((await refusal(await embedCode('srv_nope'), 404)).code).toBe('SURVEY_NOT_FOUND')
  })
})
