import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { customerWithOrders, order } from './helpers.js'

describe.each(dialects)("tiering's dashboard widget on %s", (dialect) => {
  let host: TestHost
  let ids: string[]
  beforeAll(async () => {
    host = await createTestHost({ plugins: [tiering], dialect })
    // Ten customers spending 10k…100k, tiered 20/30/30/20 by the re-evaluation; then the lowest
    // jumps to Diamond with one big order.
    ids = []
    for (let i = 1; i <= 10; i++) ids.push(await customerWithOrders(host, [i * 10_000], `p${i}`))
    await host.runJob('tiering:reevaluate')
    await order(host, ids[0]!, 'big', 200_000)
  }, 60_000)
  afterAll(() => host.close())

  const widget = async (query: string) => {
    const res = await host.as('analyst').get(`/api/v1/dashboard${query}`)
    expect(res.status).toBe(200)
    const body = await host.json(res)
    return body.widgets.find((w: { plugin: string; id: string }) => w.plugin === 'tiering' && w.id === 'tiers')
  }

  it('counts customers per tier, with the configured names, and the moves in the range', async () => {
    const today = host.now().toISOString().slice(0, 10)
    const data = (await widget(`?from=${today}&to=${today}`)).data
    expect(data.tiers).toEqual([
      { key: 'diamond', count: 3, label: { en: 'Diamond', 'zh-CN': '金钻' } }, { key: 'silver', count: 3, label: { en: 'Silver', 'zh-CN': '白银' } },
      { key: 'bronze', count: 3, label: { en: 'Bronze', 'zh-CN': '铜' } }, { key: 'iron', count: 1, label: { en: 'Iron', 'zh-CN': '铁' } },
    ])
    expect(data.upgrades).toBeGreaterThanOrEqual(1)
    const history = await Promise.all(ids.map(async (id) => (await host.json(await host.http.get(`/api/p/tiering/customers/${id}`))).history as Array<{ reason: string }>))
    expect(data.upgrades).toBe(history.flat().filter((h) => h.reason === 'upgrade').length)
  })

  it('counts no moves in a range before any happened', async () => {
    const data = (await widget('?from=2020-01-01&to=2020-12-31')).data
    expect(data).toMatchObject({ upgrades: 0, downgrades: 0 })
  })

  it('narrows to the segment the dashboard filters choose', async () => {
    const data = (await widget('?filter=tiering.tier:eq:diamond')).data
    expect(data.tiers.map((t: { count: number }) => t.count)).toEqual([3, 0, 0, 0])
  })
})
