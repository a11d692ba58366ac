import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { analytics, richSurveyJson, seedResponses } from './analytics-seed.js'
import { asCustomer, base, invite, publishedSurvey } from './survey-client.js'

describe.each(dialects)('question analytics on %s', (dialect) => {
  let host: TestHost
  let surveyId: string
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    surveyId = (await publishedSurvey(host, { name: 'Rich', json: richSurveyJson, scores: { nps: 'nps', csat: 'csat' } })).id
  })
  afterAll(() => host.close())

  /** Answers through a fresh customer's link; returns the link's client. */
  const respond = async (answers: Record<string, unknown>, complete = true) => {
    const me = asCustomer(host, (await invite(host, surveyId, await host.customer())).token)
    const res = complete ? await me.complete(surveyId, answers) : await me.partial(surveyId, answers)
    expect(res.status).toBe(complete ? 201 : 200)
    return me
  }
  const today = () => host.now().toISOString().slice(0, 10)

  it('summarises choices, ratings, booleans, matrix cells and rankings of responses given over HTTP', async () => {
    await respond({ nps: 10, csat: 5, store: 'shop', liked: ['price', 'staff'], visits: 'weekly', again: true, aspects: { speed: 'good', price: 'bad' }, wishes: ['b', 'a', 'c'], why: 'Fast' })
    await respond({ nps: 6, csat: 2, store: 'other', 'store-Comment': 'a market stall', liked: ['price'], again: false, aspects: { speed: 'bad' }, wishes: ['a', 'b', 'c'] })
    await respond({ nps: 8, csat: 4, store: 'web', visits: 'weekly', again: true })
    const body = await analytics(host, `/analytics/questions?surveyId=${surveyId}&from=${today()}&to=${today()}`)
    expect(body).toMatchObject({ surveyId, version: 1, responses: 3 })
    const q = Object.fromEntries(body.questions.map((s: { name: string }) => [s.name, s]))
    expect(body.questions.map((s: { name: string }) => s.name)).toEqual(['nps', 'csat', 'store', 'liked', 'visits', 'again', 'aspects', 'wishes', 'why'])
    expect(q.nps).toMatchObject({ type: 'rating', answered: 3, average: 8, title: { default: 'Recommend us?', 'zh-cn': '推荐我们吗？' } })
    expect(q.nps.histogram).toHaveLength(11)
    expect(q.nps.histogram.filter((h: { count: number }) => h.count > 0)).toEqual([{ value: 6, count: 1 }, { value: 8, count: 1 }, { value: 10, count: 1 }])
    expect(q.csat).toMatchObject({ average: 3.67, histogram: [{ value: 1, count: 0 }, { value: 2, count: 1 }, { value: 3, count: 0 }, { value: 4, count: 1 }, { value: 5, count: 1 }] })
    expect(q.store.choices).toEqual([{ value: 'shop', count: 1 }, { value: 'web', count: 1 }, { value: 'other', count: 1 }])
    expect(q.liked).toMatchObject({ answered: 2, choices: [{ value: 'price', count: 2 }, { value: 'staff', count: 1 }, { value: 'speed', count: 0 }] })
    expect(q.visits.choices).toEqual([{ value: 'weekly', count: 2 }, { value: 'monthly', count: 0 }])
    expect(q.again).toMatchObject({ answered: 3, counts: { true: 2, false: 1 } })
    expect(q.aspects.cells).toEqual([
      { row: 'speed', column: 'good', count: 1 }, { row: 'speed', column: 'bad', count: 1 }, { row: 'price', column: 'good', count: 0 }, { row: 'price', column: 'bad', count: 1 },
    ])
    expect(q.wishes.ranking).toEqual([{ value: 'a', averagePosition: 1.5, count: 2 }, { value: 'b', averagePosition: 1.5, count: 2 }, { value: 'c', averagePosition: 3, count: 2 }])
    expect(q.why).toEqual({ name: 'why', type: 'comment', title: 'Why?', answered: 1 })
    const scores = await analytics(host, `/analytics/scores?from=${today()}&to=${today()}`)
    expect(scores.csat).toMatchObject({ responses: 3, average: 3.67 })
    expect(scores.nps.distribution).toHaveLength(11)
    expect(scores.ces).toEqual({ responses: 0, average: null, distribution: [1, 2, 3, 4, 5, 6, 7].map((score) => ({ score, count: 0 })) })
  })

  it('searches free-text answers case-insensitively with literal wildcards, newest first, in pages', async () => {
    const at = (i: number) => `2026-06-0${1 + (i % 3)}T08:00:00.000Z`
    const texts = ['Delivery was LATE', 'late again', '100% happy', 'fine', 'Rude staff, late', '']
    await seedResponses(host, texts.map((why, i) => ({ surveyId, at: at(i), nps: 5, answers: { nps: 5, ...(why ? { why } : {}) } })))
    await seedResponses(host, [{ surveyId, at: at(0), answers: { store: 'other', 'store-Comment': 'A late-night kiosk' } }])
    const range = 'from=2026-06-01&to=2026-06-30'
    const all = await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&${range}`)
    expect(all.items.map((t: { text: string }) => t.text)).toEqual(['Rude staff, late', 'fine', '100% happy', 'late again', 'Delivery was LATE'])
    expect(all.items[0]).toMatchObject({ version: 1, completedAt: '2026-06-02T08:00:00.000Z', customerId: null })
    expect((await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&q=&${range}`)).items).toHaveLength(5)
    const late = await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&q=late&limit=2&${range}`)
    expect(late.items.map((t: { text: string }) => t.text)).toEqual(['Rude staff, late', 'late again'])
    const next = await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&q=late&limit=2&cursor=${late.nextCursor}&${range}`)
    expect(next).toMatchObject({ items: [{ text: 'Delivery was LATE' }], nextCursor: null })
    const percent = await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&q=${encodeURIComponent('0%')}&${range}`)
    expect(percent.items.map((t: { text: string }) => t.text)).toEqual(['100% happy'])
    expect((await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=why&q=_&${range}`)).items).toEqual([])
    const other = await analytics(host, `/analytics/texts?surveyId=${surveyId}&question=store-Comment&${range}`)
    expect(other.items.map((t: { text: string }) => t.text)).toEqual(['A late-night kiosk'])
  })

  it('counts invitations by status with open and response rates', async () => {
    expect(await analytics(host, '/analytics/invitations')).toMatchObject({ total: 0, openRate: null, responseRate: null })
    const opened = asCustomer(host, (await invite(host, surveyId, await host.customer())).token)
    expect((await opened.form()).status).toBe(200)
    await respond({ nps: 9 }, false)
    await respond({ nps: 9 })
    await respond({ nps: 3 })
    await invite(host, surveyId, await host.customer())
    const rates = await analytics(host, `/analytics/invitations?surveyId=${surveyId}`)
    expect(rates).toEqual({
      total: 5, counts: { created: 1, opened: 1, partial: 1, completed: 2, expired: 0 },
      rates: { created: 0.2, opened: 0.2, partial: 0.2, completed: 0.4, expired: 0 }, openRate: 0.8, responseRate: 0.4,
    })
    expect((await analytics(host, '/analytics/invitations?from=2020-01-01&to=2020-01-31')).total).toBe(0)
  })

  it('shows where partial responses stopped, by the last answered question in survey order', async () => {
    await respond({ nps: 9 }, false)
    await respond({ nps: 4, csat: 2 }, false)
    await respond({ csat: 3 }, false)
    await respond({ nps: 7, store: 'web', visits: 'monthly' }, false)
    await respond({ nps: 10, csat: 5 })
    const me = asCustomer(host, (await invite(host, surveyId, await host.customer())).token)
    expect((await me.form()).status).toBe(200)
    expect((await me.partial(surveyId, {})).status).toBe(200)
    const body = await analytics(host, `/analytics/drop-off?surveyId=${surveyId}&from=${today()}&to=${today()}`)
    expect(body).toMatchObject({ surveyId, version: 1, started: 6, partial: 5, completed: 1, noAnswer: 1 })
    const row = (name: string) => body.questions.find((x: { name: string }) => x.name === name)
    expect(row('nps')).toMatchObject({ position: 1, answered: 4, stoppedAfter: 1 })
    expect(row('csat')).toMatchObject({ position: 2, answered: 3, stoppedAfter: 2 })
    expect(row('visits')).toMatchObject({ position: 5, answered: 1, stoppedAfter: 1 })
    expect(row('why')).toMatchObject({ position: 9, answered: 0, stoppedAfter: 0 })
    expect((await host.as('analyst').get(`${base}/analytics/drop-off?surveyId=${surveyId}&version=1`)).status).toBe(200)
  })
})
