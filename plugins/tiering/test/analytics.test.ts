import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders, DAY_MS } from './helpers.js'

describe.each(dialects)('analytics, explain and config preview on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  const get = async (path: string) => host.json(await host.as('analyst').get(`/api/p/tiering${path}`))
  const iso = (d: Date) => d.toISOString()
  /** Ten customers spending 10k…100k, re-evaluated: 铁 ×2, 铜 ×3, 白银 ×3, 金钻 ×2. */
  const population = async () => {
    const ids: string[] = []
    for (let i = 1; i <= 10; i++) ids.push(await customerWithOrders(host, [i * 10_000], `p${i}`))
    await host.runJob('tiering:reevaluate')
    return ids
  }

  it('migrates tiers between two dates: matrix, sankey links, moved and stayed', async () => {
    const start = host.now()
    const ids = await population()
    host.advance(10 * DAY_MS)
    await host.emit('order.refunded', ids[9]!, { orderId: `p10-${ids[9]}-0`, amountMinor: 100_000, currency: 'CNY' })
    await host.runJob('tiering:reevaluate')
    const body = await get(`/analytics/migration?from=${iso(new Date(start.getTime() + DAY_MS))}&to=${iso(host.now())}`)
    const cell = (from: string, to: string) => body.matrix.find((m: { from: string; to: string }) => m.from === from && m.to === to).count
    expect({ dd: cell('diamond', 'diamond'), di: cell('diamond', 'iron'), sd: cell('silver', 'diamond'), ss: cell('silver', 'silver'), bs: cell('bronze', 'silver'), bb: cell('bronze', 'bronze'), ii: cell('iron', 'iron') })
      .toEqual({ dd: 1, di: 1, sd: 1, ss: 2, bs: 0, bb: 3, ii: 2 })
    expect({ moved: body.moved, stayed: body.stayed }).toEqual({ moved: 2, stayed: 8 })
    expect(body.matrix).toHaveLength(20)
    expect(body.sankey.links).toContainEqual({ source: 'from:diamond', target: 'to:iron', value: 1 })
    const before = await get(`/analytics/migration?from=${iso(new Date(start.getTime() - DAY_MS))}&to=${iso(host.now())}`)
    expect(before.matrix.filter((m: { from: string }) => m.from === 'none').reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(10)
  })

  it('counts tiers at the end of each day, the last day matching the distribution', async () => {
    const start = host.now()
    await population()
    host.advance(2 * DAY_MS)
    const body = await get(`/analytics/over-time?from=${iso(new Date(start.getTime() - DAY_MS))}&to=${iso(host.now())}&interval=day`)
    expect(body.points).toHaveLength(4)
    expect(body.points[0].total).toBe(0)
    expect(body.points.at(-1).counts).toEqual({ diamond: 2, silver: 3, bronze: 3, iron: 2 })
    const ladder = await get(`/analytics/over-time?from=${iso(start)}&to=${iso(host.now())}&interval=month&of=ladder`)
    expect(ladder.points.at(-1).counts.firstTime).toBe(10)
  })

  it.each([
    ['/analytics/over-time?from=2026-02-01&to=2026-01-01', 'TIERING_RANGE_INVALID'],
    ['/analytics/over-time?from=2000-01-01&to=2026-01-01&interval=day', 'TIERING_TOO_MANY_POINTS'],
    ['/analytics/migration?from=2026-02-01&to=2026-01-01', 'TIERING_RANGE_INVALID'],
  ])('answers %s with 422 %s', async (path, code) => {
    const res = await host.http.get(`/api/p/tiering${path}`)
    expect(res.status).toBe(422)
    expect((await host.json(res)).error.code).toBe(code)
  })

  it('answers 400 for a date that is not one', async () => {
    expect((await host.http.get('/api/p/tiering/analytics/migration?from=yesterday&to=2026-01-01')).status).toBe(400)
  })

  it('draws the RFM grid and the segments with their revenue share', async () => {
    await population()
    const grid = await get('/analytics/rfm-grid')
    expect(grid.cells).toHaveLength(25)
    expect(grid.total).toBe(10)
    expect(grid.cells.reduce((a: number, c: { spendMinor: number }) => a + c.spendMinor, 0)).toBe(550_000)
    const seg = await get('/analytics/segments')
    expect(seg).toMatchObject({ total: 10, spendMinor: 550_000 })
    expect(seg.segments).toHaveLength(11)
    expect(seg.segments.reduce((a: number, s: { count: number }) => a + s.count, 0)).toBe(10)
    expect(seg.segments.reduce((a: number, s: { revenueShare: number }) => a + s.revenueShare, 0)).toBeCloseTo(1, 3)
    expect(seg.segments[0].label).toEqual({ en: 'Champions', 'zh-CN': '冠军客户' })
  })

  it('explains a tier by its percentile, the policy, the RFM scores and the recency rhythm', async () => {
    const ids = await population()
    const why = await get(`/customers/${ids[9]}/explain`)
    expect(why.tier).toMatchObject({ current: 'diamond', computed: 'diamond', mode: 'percentile', basis: 'spend', value: 100_000, percentile: { spendersAbove: 0, spenders: 10 }, policy: { downgrade: 'atReevaluation', downgradeHeld: false } })
    expect(why.rfm).toMatchObject({ monetary: { score: 5, windowSpendMinor: 100_000 }, cutPointsFrom: { population: 10, used: true }, segment: { fallback: false } })
    expect(why.recencyStatus).toMatchObject({ status: 'active', basis: 'absolute', atRiskAfterDays: 90 })
    expect(why.ladder.step).toBe('firstTime')
    expect((await host.http.get(`/api/p/tiering/customers/${await host.customer()}/explain`)).status).toBe(404)
  })

  it('previews how many customers a config change would move, and changes nothing', async () => {
    const ids = await population()
    const res = await host.http.post('/api/p/tiering/config/preview', {
      tiers: { percentiles: { diamond: 10, silver: 20, bronze: 30, iron: 40 } },
      ladder: { regular: [{ field: 'tiering.orders', op: 'gte', value: 1 }] },
    })
    expect(res.status).toBe(200)
    const body = await host.json(res)
    expect(body.customers).toBe(10)
    expect(body.tiers).toMatchObject({ moved: 5, upgrades: 0, downgrades: 5 })
    expect(body.tiers.moves).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: 'silver', to: 'bronze', count: 2 }), expect.objectContaining({ from: 'bronze', to: 'iron', count: 2 }),
      { from: 'diamond', to: 'silver', count: 1, examples: [ids[8]] },
    ]))
    // Each move names a few of its customers, and they are customers who make that move.
    for (const move of body.tiers.moves as { from: string; count: number; examples: string[] }[]) {
      expect(move.examples).toHaveLength(Math.min(move.count, 2))
      for (const id of move.examples) expect((await host.profile(id))['tiering.tier']).toBe(move.from)
    }
    expect(body.segments.moved).toBe(0)
    expect(body.ladder).toMatchObject({ changed: true, checked: 10, moved: 10, moves: [{ from: 'firstTime', to: 'regular', count: 10, examples: [...ids].sort().slice(0, 3) }] })
    expect((await host.profile(ids[8]!))['tiering.tier']).toBe('diamond')
    expect((await host.json(await host.http.get('/api/v1/plugins/tiering'))).config.tiers.percentiles.diamond).toBe(20)
  })

  it('refuses to preview an invalid config with 422 naming the problem', async () => {
    const res = await host.http.post('/api/p/tiering/config/preview', { tiers: { percentiles: { diamond: 20, silver: 30, bronze: 30, iron: 30 } } })
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.code).toBe('TIERING_CONFIG_INVALID')
    expect(error.details.issues).toContainEqual({ path: 'tiers.percentiles', message: 'Tier percentiles must sum to 100, not 110' })
  })
})
