import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { config } from '../server/config.js'
import tiering from '../server/index.js'
import { quintileScore } from '../server/scoring/quintile-score.js'
import { segmentOf } from '../server/scoring/segment-of.js'
import { tierByPercentile } from '../server/scoring/value-tier.js'
import { DAY_MS, order } from './helpers.js'

const defaults = config.parse({})
const standing = (values: number[], v: number) => ({ below: values.filter((x) => x < v).length, equal: values.filter((x) => x === v).length, n: values.length })

describe.each(dialects)('full re-evaluation on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  const customer = async (orders: Array<[amountMinor: number, daysAgo: number]>) => {
    const id = await host.customer()
    for (const [i, [amount, daysAgo]] of orders.entries()) await order(host, id, `${id}-${i}`, amount, daysAgo)
    return id
  }

  it('scores in SQL exactly as the pure functions do, ties and all', async () => {
    const shapes: Array<Array<[number, number]>> = [
      [[10_000, 3]], [[10_000, 3]], [[10_000, 40]], [[50_000, 40], [20_000, 10]], [[5_000, 200], [5_000, 100], [5_000, 2]],
      [[80_000, 1]], [[80_000, 1]], [[1_000, 300]], [[30_000, 60], [30_000, 30], [30_000, 0], [30_000, 5]], [[400_000, 500]],
      [[70_000, 20], [1_000, 15]], [[0, 9]],
    ]
    const ids: string[] = []
    for (const shape of shapes) ids.push(await customer(shape))
    await host.runJob('tiering:reevaluate')
    const today = Math.floor(host.now().getTime() / DAY_MS)
    const rows = await Promise.all(ids.map(async (id) => host.json(await host.http.get(`/api/p/tiering/customers/${id}`))))
    const lastDay = rows.map((r) => Math.floor(Date.parse(r.lastOrderAt) / DAY_MS))
    const freq = rows.map((r) => r.windowOrders)
    const spend = rows.map((r) => r.windowSpendMinor)
    const spenders = spend.filter((s) => s > 0)
    rows.forEach((row, i) => {
      const r = quintileScore(standing(lastDay, lastDay[i]!))
      const f = quintileScore(standing(freq, freq[i]!))
      const m = quintileScore(standing(spend, spend[i]!))
      const tier = tierByPercentile(spend[i]!, { above: spenders.filter((s) => s > spend[i]!).length, equal: spenders.filter((s) => s === spend[i]!).length, n: spenders.length }, defaults.tiers.percentiles)
      expect({ i, r: row.recency, f: row.frequency, m: row.monetary, tier: row.tier, segment: row.segment })
        .toEqual({ i, r, f, m, tier, segment: segmentOf({ r, f, m }, defaults.segments, defaults.fallbackSegment) })
    })
    expect(today - lastDay[9]!).toBe(500)
    expect(rows[9]).toMatchObject({ windowOrders: 0, windowSpendMinor: 0, tier: 'iron', recencyStatus: 'hibernating' })
  })

  it('moves recency status with time: absolute days for few orders, own rhythm for regulars', async () => {
    const once = await customer([[10_000, 0]])
    const regular = await customer([[10_000, 30], [10_000, 20], [10_000, 10], [10_000, 0]])
    const status = async (id: string) => (await host.profile(id))['tiering.recencyStatus']
    expect([await status(once), await status(regular)]).toEqual(['active', 'active'])
    host.advance(16 * DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect([await status(once), await status(regular)]).toEqual(['active', 'atRisk'])
    host.advance(80 * DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect([await status(once), await status(regular)]).toEqual(['atRisk', 'hibernating'])
    host.advance(90 * DAY_MS)
    await host.runJob('tiering:reevaluate')
    expect(await status(once)).toBe('hibernating')
  })

  it('leaves orders older than the window out of frequency and monetary', async () => {
    await host.http.put('/api/v1/plugins/tiering/config', { windowDays: 90 })
    const id = await customer([[100_000, 120], [2_000, 1]])
    await host.runJob('tiering:reevaluate')
    expect(await host.json(await host.http.get(`/api/p/tiering/customers/${id}`))).toMatchObject({ orders: 2, spendMinor: 102_000, windowOrders: 1, windowSpendMinor: 2_000 })
  })

  it('records progress on the job run', async () => {
    for (let i = 0; i < 3; i++) await customer([[1_000 * (i + 1), i]])
    await host.runJob('tiering:reevaluate')
    const runs = await host.json(await host.http.get('/api/v1/jobs/tiering:reevaluate/runs'))
    expect(runs.items[0]).toMatchObject({ outcome: 'succeeded', progress: { done: expect.any(Number), total: expect.any(Number) } })
    expect(runs.items[0].progress.done).toBe(runs.items[0].progress.total)
  })

  it('runs now from POST /reevaluate and answers with the cut points', async () => {
    for (let i = 1; i <= 5; i++) await customer([[i * 10_000, 0]])
    const res = await host.http.post('/api/p/tiering/reevaluate')
    expect(res.status).toBe(200)
    const body = await host.json(res)
    expect(body).toMatchObject({ customers: 5, cutPoints: { population: 5, monetary: [20_000, 30_000, 40_000, 50_000], tier: { diamond: 50_000, silver: 40_000, bronze: 20_000 } } })
    const again = await host.json(await host.http.post('/api/p/tiering/reevaluate'))
    expect(again.changed).toBe(0)
  })
})

describe.each(dialects)('cut points and small populations on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  it('ignores cut points from an empty night and ranks new orders against everyone', async () => {
    await host.runJob('tiering:reevaluate')
    const first = await host.customer()
    await order(host, first, 'a', 10_000)
    const second = await host.customer()
    await order(host, second, 'b', 90_000)
    expect(await host.profile(second)).toMatchObject({ 'tiering.tier': 'silver', 'tiering.monetary': 4 })
  })

  it('uses cut points once the population reaches minCutPointPopulation', async () => {
    await host.http.put('/api/v1/plugins/tiering/config', { minCutPointPopulation: 2 })
    for (const [i, amount] of [10_000, 20_000, 30_000].entries()) await order(host, await host.customer(), `c${i}`, amount)
    await host.runJob('tiering:reevaluate')
    const late = await host.customer()
    await order(host, late, 'late', 25_000)
    // cuts of 10k/20k/30k: 25k reaches the 20k cut (score 3) but not 30k's (5): against cuts it scores 3
    expect((await host.profile(late))['tiering.monetary']).toBe(3)
  })
})
