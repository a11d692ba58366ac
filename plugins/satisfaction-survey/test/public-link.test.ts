import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { leadingZeroBits, solveChallenge } from '../server/public/proof-of-work.js'
import { base, publishedSurvey, refusal, responsesOf, travel } from './survey-client.js'

const browser = (host: TestHost, clientId: string) => host.as({ cookie: `rapport_survey_client=${clientId}` })

describe.each(dialects)('the public link on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect, config: { 'satisfaction-survey': { publicPerMinute: 8 } } }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const publicSurvey = (extra: Record<string, unknown> = {}) => publishedSurvey(host, { publicLink: { enabled: true, ...extra } })

  it('serves the form anonymously with a client id cookie, and takes one response per browser', async () => {
    const survey = await publicSurvey()
    const res = await host.as('anonymous').get(`${base}/public/${survey.publicToken}?locale=en`)
    expect(res.status).toBe(200)
    const form = await host.json(res)
    expect(form).toMatchObject({ surveyId: survey.id, version: 1, locale: 'en', status: 'open', proofOfWorkBits: 0 })
    expect(res.headers.get('set-cookie')).toContain(`rapport_survey_client=${form.clientId}`)
    const me = browser(host, form.clientId)
    const first = await me.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 10 } })
    expect(first.status).toBe(201)
    const { responseId } = await host.json(first)
    const again = await refusal(await me.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 1, why: 'x' } }), 409)
    expect(again).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', details: { responseId } })
    expect(await host.json(await me.get(`${base}/public/${survey.publicToken}`))).toMatchObject({ status: 'completed', responseId })
    const viaBody = await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 1, why: 'x' }, clientId: form.clientId })
    expect(viaBody.status).toBe(409)
    expect((await refusal(await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 5, why: 'x' } }), 400)).code).toBe('SURVEY_CLIENT_ID_REQUIRED')
    const stored = await responsesOf(host)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ channel: 'public', customerId: null, answers: { nps: 10 }, scores: { nps: 10 } })
  })

  it('validates public answers like link answers', async () => {
    const survey = await publicSurvey({ oneResponsePerClient: false })
    const anon = host.as('anonymous')
    expect((await refusal(await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 12 } }), 400)).details.questions).toEqual(['nps'])
    expect((await refusal(await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 2 } }), 422)).details.questions).toEqual(['why'])
    expect((await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 2, why: 'late' } })).status).toBe(201)
    expect((await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 9 } })).status).toBe(201)
    expect(await responsesOf(host)).toHaveLength(2)
  })

  it('takes only answers from anyone: staff fields beside them (customer, channel, status, scores) are a 400 naming each, and nothing is stored', async () => {
    const survey = await publicSurvey({ oneResponsePerClient: false })
    for (const [field, value] of Object.entries({ customerId: 'cus_1', channel: 'link', status: 'completed', scores: { nps: 10 }, version: 1 })) {
      const error = await refusal(await host.as('anonymous').post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 10 }, [field]: value }), 400)
      expect(error.code, field).toBe('REQUEST_INVALID')
      expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([`body.${field}`])
    }
    expect(await responsesOf(host)).toEqual([])
  })

  it('answers 429 to a flood from one address, and serves it again in the next minute', async () => {
    const survey = await publicSurvey({ oneResponsePerClient: false })
    const anon = host.as('anonymous')
    const statuses: number[] = []
    for (let i = 0; i < 12; i += 1) statuses.push((await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 9 } })).status)
    expect(statuses).toEqual([...Array(8).fill(201), ...Array(4).fill(429)])
    const limited = await refusal(await anon.get(`${base}/public/${survey.publicToken}`), 429)
    expect(limited).toMatchObject({ code: 'SURVEY_RATE_LIMITED', details: { perMinute: 8 } })
    expect(await responsesOf(host)).toHaveLength(8)
    await travel(host, 60_000)
    expect((await anon.post(`${base}/public/${survey.publicToken}/responses`, { answers: { nps: 9 } })).status).toBe(201)
  })

  it('requires a proof of work when the survey sets a difficulty: missing, wrong, forged, expired and reused proofs are refused', async () => {
    const survey = await publicSurvey({ oneResponsePerClient: false, proofOfWorkBits: 8 })
    const anon = host.as('anonymous')
    const url = `${base}/public/${survey.publicToken}/responses`
    expect((await refusal(await anon.post(url, { answers: { nps: 9 } }), 400)).code).toBe('SURVEY_PROOF_REQUIRED')
    const { challenge, bits } = await host.json(await anon.post(`${base}/public/${survey.publicToken}/challenges`))
    expect(bits).toBe(8)
    const nonce = solveChallenge(challenge, bits)
    let wrong = 0
    while (leadingZeroBits(createHash('sha256').update(`${challenge}:${wrong}`).digest()) >= bits) wrong += 1
    const bad = await refusal(await anon.post(url, { answers: { nps: 9 }, proof: { challenge, nonce: String(wrong) } }), 400)
    expect(bad.code).toBe('SURVEY_PROOF_INVALID')
    expect((await refusal(await anon.post(url, { answers: { nps: 9 }, proof: { challenge: `${challenge}x`, nonce } }), 400)).details.reason).toContain('not issued')
    expect((await anon.post(url, { answers: { nps: 9 }, proof: { challenge, nonce } })).status).toBe(201)
    expect((await refusal(await anon.post(url, { answers: { nps: 9 }, proof: { challenge, nonce } }), 400)).details.reason).toContain('already used')
    const late = await host.json(await anon.post(`${base}/public/${survey.publicToken}/challenges`))
    await travel(host, 11 * 60_000)
    expect((await refusal(await anon.post(url, { answers: { nps: 9 }, proof: { challenge: late.challenge, nonce: solveChallenge(late.challenge, 8) } }), 400)).details.reason).toContain('expired')
    expect(await responsesOf(host)).toHaveLength(1)
  })

  it('answers 404 for a disabled, unknown or unpublished public link, and 409 once archived', async () => {
    const closed = await publishedSurvey(host)
    const survey = await host.json(await host.http.get(`${base}/surveys/${closed.id}`))
    expect(survey.publicToken).toBeNull()
    expect((await refusal(await host.as('anonymous').get(`${base}/public/abcdefghijklmnopqrstuvwx`), 404)).code).toBe('SURVEY_PUBLIC_LINK_DISABLED')
    const open = await publicSurvey()
    await host.http.post(`${base}/surveys/${open.id}/archive`)
    expect((await refusal(await host.as('anonymous').get(`${base}/public/${open.publicToken}`), 409)).code).toBe('SURVEY_CLOSED')
  })
})
