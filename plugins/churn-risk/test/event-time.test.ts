import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type Client, type TestHost } from '@rapport/plugin-sdk/testing'
import churnRisk from '../server/index.js'
import { DAY_MS, order, regularCustomer } from './helpers.js'
import { answer } from './payloads.js'
import { complaintsProbe, pointsProbe, satisfactionProbe, tieringProbe } from './probes.js'

const api = '/api/p/churn-risk'
const HOUR_MS = 3_600_000

// The test host's business runs on Asia/Shanghai time (UTC+8): its days end at 16:00Z.
/** Moves the fake clock forward to the next time of day `hh:mm` UTC. */
const advanceTo = (host: TestHost, hours: number, minutes = 0) => {
  const now = host.now().getTime()
  host.advance((((hours * HOUR_MS + minutes * 60_000 - (now % DAY_MS)) % DAY_MS) + DAY_MS) % DAY_MS)
}
/** The Shanghai date of an instant. */
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10)
/**
 * A customer (created first: the owner's session may expire while the clock moves) who then,
 * at `hh:mm` UTC, has ordered `count` times `gap` days apart, the last one now.
 */
async function regularAt(host: TestHost, [hours, minutes]: [number, number], count: number, gap: number): Promise<string> {
  const id = await host.customer()
  advanceTo(host, hours, minutes)
  for (let i = count - 1; i >= 0; i--) await order(host, id, `${id}-${i}`, 10_000, i * gap)
  return id
}
describe.each(dialects)('churn risk on the event time and the business calendar on %s', (dialect) => {
  let host: TestHost
  let reader: Client
  let writer: Client
  beforeAll(async () => { host = await createTestHost({ plugins: [tieringProbe, satisfactionProbe, complaintsProbe, pointsProbe, churnRisk], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    await host.http.put('/api/v1/plugins/churn-risk/config', {})
    reader = host.as({ apiKey: await host.apiKey(['customers:read', 'events:read']) })
    writer = host.as({ apiKey: await host.apiKey(['customers:read', 'customers:write']) })
  })
  afterAll(() => host.close())

  const breakdown = async (id: string) => host.json(await reader.get(`${api}/customers/${id}`))
  const explain = async (id: string, field: string) => host.json(await reader.get(`/api/v1/customers/${id}/explain?field=${field}`))

  it('counts silent days as the business’s calendar days: an hour past its midnight is a day later', async () => {
    const id = await regularAt(host, [15, 30], 3, 10) // 23:30 in Shanghai
    expect((await breakdown(id)).parts.rhythm.daysSinceLastOrder).toBe(0)
    host.advance(HOUR_MS) // 16:30Z: 00:30 the next day in Shanghai, one hour after the order
    expect((await breakdown(id)).parts.rhythm.daysSinceLastOrder).toBe(1)
  })

  it('re-scores nightly everyone not yet scored on the business’s day, as of the run', async () => {
    const id = await regularAt(host, [15, 0], 3, 10) // 23:00 in Shanghai
    const before = await host.profile(id)
    host.advance(3.5 * HOUR_MS) // 18:30Z: 02:30 the next day in Shanghai, the job's slot
    await host.runJob('churn-risk:nightly-rescore')
    const after = await host.profile(id)
    expect(after['churnRisk.scoredAt']).toBe(host.now().toISOString())
    expect(after['churnRisk.pActive']).toBeLessThan(before['churnRisk.pActive'] as number)
    const why = await explain(id, 'churnRisk.pActive')
    expect(why.changes.at(-1)).toMatchObject({ source: { kind: 'plugin', id: 'nightly-rescore' } })
  })

  it('scores an order at its own date, and an event scored after commit at its own date too', async () => {
    const id = await host.customer()
    const placedAt = new Date(host.now().getTime() - 100 * DAY_MS).toISOString()
    await host.emit('order.completed', id, { orderId: 'old', amountMinor: 10_000, currency: 'CNY' }, { occurredAt: placedAt })
    expect(await host.profile(id)).toMatchObject({ 'churnRisk.scoredAt': placedAt, 'churnRisk.band': 'low', 'churnRisk.rhythmPoints': 15 })
    const answeredAt = new Date(host.now().getTime() - 90 * DAY_MS).toISOString()
    await host.emit('survey.response.completed', id, answer(9), { occurredAt: answeredAt })
    await host.drainDeliveries()
    const profile = await host.profile(id)
    // Scored as of the answer, ten days after the order: not as of the processing moment, 90 days later.
    expect(profile['churnRisk.scoredAt']).toBe(answeredAt)
    expect(profile['churnRisk.band']).not.toBe('high')
    const row = (await host.json(await reader.get(`${api}/customers?band=all`))).items[0]
    expect(row).toMatchObject({ customerId: id, scoredAt: answeredAt })
  })

  it('counts win-back periods in the business’s calendar days', async () => {
    expect((await host.http.put('/api/v1/plugins/churn-risk/config', { periodDays: 1 })).status).toBe(200)
    const id = await regularAt(host, [15, 30], 2, 10) // 23:30 in Shanghai
    const today = shanghaiDate(host.now())
    expect(await host.json(await writer.post(`${api}/customers/${id}/win-back`))).toMatchObject({ status: 'offered', period: today })
    host.advance(HOUR_MS) // 00:30 the next day in Shanghai, still the same day in UTC
    const tomorrow = shanghaiDate(host.now())
    expect(tomorrow).not.toBe(today)
    expect(await host.json(await writer.post(`${api}/customers/${id}/win-back`))).toMatchObject({ status: 'offered', period: tomorrow })
    expect(await host.json(await writer.post(`${api}/customers/${id}/win-back`))).toMatchObject({ status: 'alreadyOffered', period: tomorrow })
  })

  it('keeps the score when a later order leaves it where it was, and moves it when it moves', async () => {
    const id = await regularCustomer(host, 4, 10)
    host.advance(40 * DAY_MS)
    await host.runJob('churn-risk:nightly-rescore')
    const quiet = await host.profile(id)
    expect(quiet['churnRisk.band']).not.toBe('low')
    await order(host, id, 'back', 10_000)
    const back = await host.profile(id)
    expect(back['churnRisk.band']).toBe('low')
    const low = (await host.json(await reader.get(`${api}/customers?band=low`))).items
    expect(low).toMatchObject([{ customerId: id, score: back['churnRisk.score'], band: 'low' }])
    expect((await host.json(await reader.get(`${api}/customers?band=atRisk`))).total).toBe(0)
  })
})
