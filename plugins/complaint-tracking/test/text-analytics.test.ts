import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, DAY, fileCase, travel } from './complaints-client.js'

describe.each(dialects)('sentiment and themes of complaint texts on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it("summarises the range's descriptions by sentiment and theme, filtered by category", async () => {
    const customerId = await host.customer()
    await fileCase(host, customerId, { category: 'delivery.late', description: '快递太慢了，等了一个星期还没到。' })
    await fileCase(host, customerId, { category: 'delivery.late', description: 'The courier left my parcel in the rain and it was damaged.' })
    await fileCase(host, customerId, { category: 'product.quality', description: '客服态度很好，但是商品质量太差，用了两天就坏了。' })
    await travel(host, 2 * DAY)
    await fileCase(host, customerId, { category: 'product.quality', description: '请问退货地址是哪里？' })
    const get = async (query: string) => {
      const res = await host.http.get(`${base}/analytics/texts?${query}`)
      expect(res.status).toBe(200)
      return host.json(res)
    }
    const all = await get('')
    expect(all).toMatchObject({ total: 4, negative: 3, neutral: 1, positive: 0, capped: false })
    const delivery = all.themes.find((theme: any) => theme.theme === 'delivery')
    expect(delivery).toMatchObject({ count: 2, negative: 2, label: { 'zh-CN': '物流配送', en: 'Delivery' } })
    expect(delivery.examples.map((example: any) => example.sentiment)).toEqual(['negative', 'negative'])
    expect(all.themes[0].count).toBeGreaterThanOrEqual(all.themes.at(-1).count)

    const late = await get('category=delivery')
    expect(late).toMatchObject({ total: 2, negative: 2 })
    const earlier = new Date(host.now().getTime() - DAY).toISOString()
    expect(await get(`to=${earlier}`)).toMatchObject({ total: 3 })
  })

  it('refuses a range that is empty or longer than a year, naming it', async () => {
    const res = await host.http.get(`${base}/analytics/texts?from=2026-07-08&to=2026-07-07`)
    expect([res.status, (await host.json(res)).error.code]).toEqual([422, 'COMPLAINTS_ANALYTICS_RANGE_INVALID'])
  })
})
