/**
 * Answer rules through HTTP: a malformed answer is a 400 (SURVEY_ANSWER_INVALID), a well-formed one
 * that breaks a rule a 422 (SURVEY_ANSWER_RULES). Limits (maxSelectedChoices, maxLength) are rules;
 * a ranking of some of its choices is well-formed; a `__proto__` key is an unknown question.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { asCustomer, base, invite, publishedSurvey, refusal, responsesOf } from './survey-client.js'

const json = {
  maxTextLength: 20,
  elements: [
    { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
    { type: 'checkbox', name: 'likes', choices: ['price', 'staff', 'speed', 'range'], maxSelectedChoices: 2, showOtherItem: true },
    { type: 'comment', name: 'why', maxLength: 5 },
    { type: 'ranking', name: 'order', choices: ['price', 'staff', 'speed'], isRequired: true },
  ],
}
const issueCodes = (error: { details: { issues: Array<{ question: string; code: string }> } }) => error.details.issues.map((i) => `${i.question}:${i.code}`)

describe.each(dialects)('answer rules on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const linkOf = async () => {
    const survey = await publishedSurvey(host, { json, scores: { nps: 'nps' }, publicLink: { enabled: true, oneResponsePerClient: false } })
    return { survey, me: asCustomer(host, (await invite(host, survey.id, await host.customer())).token) }
  }

  it('answers 422 to more choices than maxSelectedChoices and to text over maxLength, on complete and partial saves', async () => {
    const { survey, me } = await linkOf()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ order: ['price'], likes: ['price', 'staff', 'speed'] }, 'likes:TOO_MANY_CHOICES'],
      [{ order: ['price'], why: 'far too long' }, 'why:TEXT_TOO_LONG'],
      [{ order: ['price'], likes: ['other'], 'likes-Comment': 'x'.repeat(21) }, 'likes:TEXT_TOO_LONG'],
    ]
    for (const [answers, issue] of cases) {
      const error = await refusal(await me.complete(survey.id, answers), 422)
      expect(error.code).toBe('SURVEY_ANSWER_RULES')
      expect(issueCodes(error)).toEqual([issue])
      expect((await refusal(await me.partial(survey.id, answers), 422)).code).toBe('SURVEY_ANSWER_RULES')
    }
    expect(await responsesOf(host)).toEqual([])
  })

  it('stores a ranking of some of its choices exactly as sent; an empty required ranking is a 422', async () => {
    const { survey, me } = await linkOf()
    expect(issueCodes(await refusal(await me.complete(survey.id, { nps: 8, order: [] }), 422))).toEqual(['order:REQUIRED'])
    expect(issueCodes(await refusal(await me.complete(survey.id, { nps: 8, order: ['price', 'nope'] }), 400))).toEqual(['order:CHOICE_NOT_OFFERED'])
    expect((await me.complete(survey.id, { nps: 8, order: ['speed'] })).status).toBe(201)
    expect((await responsesOf(host))[0].answers).toEqual({ nps: 8, order: ['speed'] })
  })

  it('refuses a __proto__ key as an unknown question (400), never storing the answers without it', async () => {
    const { survey, me } = await linkOf()
    const answers = JSON.parse('{"nps":9,"order":["price"],"__proto__":{"polluted":1}}')
    const sent = [
      await me.complete(survey.id, answers),
      await me.partial(survey.id, answers),
      await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers }),
    ]
    for (const res of sent) {
      const error = await refusal(res, 400)
      expect(error).toMatchObject({ code: 'SURVEY_ANSWER_INVALID', details: { questions: ['__proto__'] } })
      expect(issueCodes(error)).toEqual(['__proto__:UNKNOWN_QUESTION'])
    }
    expect(await responsesOf(host)).toEqual([])
    expect(await responsesOf(host, 'status=partial')).toEqual([])
  })
})
