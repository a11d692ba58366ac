import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, DAY, memberWith, spend, travel } from './points-client.js'

describe.each(dialects)("points-membership's liability widget on %s", (dialect) => {
  let host: TestHost
  let big: string
  let small: string
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config: { 'points-membership': { pointValueMinor: 5, currency: 'CNY', expiryDays: 20, expiringSoonDays: 30 } } })
    big = await memberWith(host, 1_000)
    small = await memberWith(host, 50)
    expect((await spend(host, big, 300, 'dash-1')).status).toBe(201)
    expect((await adjust(host, small, -20, 'correction of a typo')).status).toBe(201)
  }, 60_000)
  afterAll(() => host.close())

  const widget = async (query: string) => {
    const res = await host.http.get(`/api/v1/dashboard${query}`)
    expect(res.status).toBe(200)
    const body = await host.json(res)
    const found = body.widgets.find((w: { plugin: string; id: string }) => w.plugin === 'points-membership' && w.id === 'liability')
    expect(found.title).toEqual({ en: 'Points liability', 'zh-CN': '积分负债' })
    return found.data
  }

  it('shows what members hold now and its value, and what moved in the range', async () => {
    const today = host.now().toISOString().slice(0, 10)
    const data = await widget(`?from=${today}&to=${today}`)
    const liability = await host.json(await host.http.get(`${base}/reports/liability`))
    expect(data).toEqual({
      members: 2, outstandingPoints: 730, debtPoints: 0, expiringPoints: 730, valueMinor: 3_650, currency: 'CNY',
      earned: 1_050, spent: 300, expired: 0,
    })
    expect(data.outstandingPoints).toBe(liability.outstandingPoints)
    expect(data.valueMinor).toBe(liability.valueMinor)
  })

  it('counts nothing moved in a range before anything happened, but still what is held now', async () => {
    const data = await widget('?from=2020-01-01&to=2020-12-31')
    expect(data).toMatchObject({ earned: 0, spent: 0, expired: 0, outstandingPoints: 730 })
  })

  it("narrows to the segment's members", async () => {
    const today = host.now().toISOString().slice(0, 10)
    const data = await widget(`?from=${today}&to=${today}&filter=points.balance:gte:100`)
    expect(data).toMatchObject({ members: 1, outstandingPoints: 700, valueMinor: 3_500, earned: 1_000, spent: 300 })
    const none = await widget('?filter=points.balance:gte:100000')
    expect(none).toMatchObject({ members: 0, outstandingPoints: 0, valueMinor: 0, earned: 0, spent: 0, expired: 0 })
  })

  it('counts the points that expired in the range, on the day they expired, and no longer holds them', async () => {
    const expiryDay = new Date(host.now().getTime() + 20 * DAY).toISOString().slice(0, 10)
    await travel(host, 21 * DAY)
    await host.runJob('points-membership:expire-points')
    // The job ran a day after the lots expired: the expiry counts on the lots' expiry day, not the run's.
    const today = host.now().toISOString().slice(0, 10)
    expect(await widget(`?from=${expiryDay}&to=${expiryDay}`)).toMatchObject({ members: 2, outstandingPoints: 0, expiringPoints: 0, valueMinor: 0, earned: 0, spent: 0, expired: 730 })
    expect(await widget(`?from=${today}&to=${today}`)).toMatchObject({ members: 2, outstandingPoints: 0, expired: 0 })
  })
})
