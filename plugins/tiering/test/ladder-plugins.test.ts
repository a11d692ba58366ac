import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { eventsOf, order } from './helpers.js'
import { caseOpened, caseResolved, earned } from './payloads.js'
import { complaintsProbe, pointsProbe, satisfactionProbe } from './probes.js'

/** Spend thresholds make the tier independent of the population: 300k + 300k is 白银 Silver. */
const thresholds = { tiers: { mode: 'thresholds' } }
const put = (host: TestHost, body: unknown) => host.http.put('/api/v1/plugins/tiering/config', body)
const stepOf = async (host: TestHost, id: string) => (await host.profile(id))['tiering.ladder']

describe.each(dialects)('the ladder without the other plugins on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await put(host, thresholds) })
  afterAll(() => host.close())

  it('cannot reach 支持者 on satisfaction it never sees, until the criteria let a missing value hold', async () => {
    const id = await host.customer()
    await order(host, id, 'a', 300_000)
    await order(host, id, 'b', 300_000)
    expect(await host.profile(id)).toMatchObject({ 'tiering.tier': 'silver', 'tiering.ladder': 'firstTime' })
    const res = await put(host, { ...thresholds, ladder: { supporter: [
      { field: 'tiering.orders', op: 'gte', value: 2 },
      { anyOf: [{ field: 'satisfaction.avgCsat', op: 'gte', value: 4, missing: 'holds' }, { field: 'satisfaction.lastNps', op: 'gte', value: 7 }] },
    ] } })
    expect(res.status).toBe(200)
    const run = await host.json(await host.http.post('/api/p/tiering/reevaluate'))
    expect(run.ladderChecked).toBeGreaterThanOrEqual(1)
    expect(await stepOf(host, id)).toBe('supporter')
    const last = (await eventsOf(host, id, 'ladder.changed')).at(-1)!.payload
    expect(last).toEqual({ from: 'firstTime', to: 'supporter', reason: 'tiering.orders gte 2 and satisfaction.avgCsat gte 4' })
  })
})

describe.each(dialects)('the ladder with the other plugins on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsProbe, complaintsProbe, satisfactionProbe, tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await put(host, thresholds) })
  afterAll(() => host.close())

  it('makes a satisfied repeat Silver customer a 支持者, steps back on an open complaint and up again when it is resolved', async () => {
    const id = await host.customer()
    await host.emit('satisfaction.answered', id, { csat: 4.5 })
    await order(host, id, 'a', 300_000)
    await order(host, id, 'b', 300_000)
    expect(await stepOf(host, id)).toBe('supporter')
    await host.emit('complaint.opened', id, caseOpened('c1'))
    await host.drainDeliveries()
    expect(await stepOf(host, id)).toBe('firstTime')
    await host.emit('complaint.resolved', id, caseResolved('c1'))
    await host.drainDeliveries()
    expect(await stepOf(host, id)).toBe('supporter')
    expect((await eventsOf(host, id, 'ladder.changed')).map((e) => `${e.payload.from}>${e.payload.to}`))
      .toEqual(['null>firstTime', 'firstTime>supporter', 'supporter>firstTime', 'firstTime>supporter'])
  })

  it('makes a promoter 拥护者 (NPS 9–10) on top of the supporter criteria', async () => {
    const id = await host.customer()
    await host.emit('satisfaction.answered', id, { nps: 9 })
    await order(host, id, 'a', 300_000)
    await order(host, id, 'b', 300_000)
    expect(await stepOf(host, id)).toBe('advocate')
    const why = await host.json(await host.http.get(`/api/p/tiering/customers/${id}/explain`))
    expect(why.ladder.steps.find((s: { step: string }) => s.step === 'advocate')).toMatchObject({ holds: true, automatic: true })
    expect(why.ladder.steps.find((s: { step: string }) => s.step === 'supporter').conditions[2]).toMatchObject({ holds: true, anyOf: [{ field: 'satisfaction.avgCsat', actual: null, holds: false }, { field: 'satisfaction.lastNps', actual: 9, holds: true }] })
  })

  it('puts a member with no order on 可能 and counts them in the funnel', async () => {
    const member = await host.customer()
    await host.emit('points.earned', member, earned(100, 100))
    await host.drainDeliveries()
    expect(await stepOf(host, member)).toBe('possible')
    const buyer = await host.customer()
    await order(host, buyer, 'x', 10_000)
    const funnel = await host.json(await host.http.get('/api/p/tiering/funnel'))
    expect(funnel.total).toBe(2)
    expect(funnel.steps.slice(0, 3)).toEqual([
      { step: 'prospect', label: { en: 'Prospect', 'zh-CN': '潜在客户' }, count: 0, reached: 2, conversion: null },
      { step: 'possible', label: { en: 'Possible', 'zh-CN': '可能客户' }, count: 1, reached: 2, conversion: 1 },
      { step: 'firstTime', label: { en: 'First-time customer', 'zh-CN': '顾客' }, count: 1, reached: 1, conversion: 0.5 },
    ])
    expect((await host.json(await host.http.get('/api/p/tiering/distribution'))).total).toBe(1)
  })

  it('tiers on lifetime points: upgrades at once when the points are earned, and the full run agrees', async () => {
    await put(host, { tiers: { mode: 'thresholds', basis: 'pointsLifetime' } })
    const id = await host.customer()
    await order(host, id, 'a', 10_000)
    expect((await host.profile(id))['tiering.tier']).toBe('iron')
    await host.emit('points.earned', id, earned(6_000, 6_000))
    await host.drainDeliveries()
    expect((await host.profile(id))['tiering.tier']).toBe('silver')
    expect((await eventsOf(host, id, 'tier.changed')).at(-1)!.payload)
      .toEqual({ from: 'iron', to: 'silver', reason: 'upgrade', trigger: 'event', spendMinor: 10_000, mode: 'thresholds', basis: 'pointsLifetime', value: 6_000 })
    await host.runJob('tiering:reevaluate')
    expect((await host.profile(id))['tiering.tier']).toBe('silver')
  })

  it.each([
    ['an unknown field of a built-in plugin', { supporter: [{ field: 'points.balanse', op: 'gte', value: 1 }] }, 'ladder.supporter.0.field', 'Unknown field points.balanse'],
    ['an unknown field inside anyOf', { advocate: [{ anyOf: [{ field: 'satisfaction.lastNps', op: 'gte', value: 9 }, { field: 'complaints.opened', op: 'eq', value: 0 }] }] }, 'ladder.advocate.0.anyOf.1.field', 'Unknown field complaints.opened'],
    ['a comparison with a text', { regular: [{ field: 'tiering.orders', op: 'gte', value: '3' }] }, 'ladder.regular.0.value', 'gte needs a number'],
  ])('refuses %s with 422 naming it, config unchanged', async (_name, ladder, path, message) => {
    const res = await put(host, { ...thresholds, ladder })
    expect(res.status).toBe(422)
    expect((await host.json(res)).error.details.issues).toContainEqual({ path, message })
    expect((await host.json(await host.http.get('/api/v1/plugins/tiering'))).config.tiers.mode).toBe('thresholds')
  })

  it("accepts a custom plugin's field it does not know", async () => {
    expect((await put(host, { ladder: { advocate: [{ field: 'churnRisk.score', op: 'lt', value: 20 }] } })).status).toBe(200)
  })
})
