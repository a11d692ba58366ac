/**
 * The impact preview (issue 25 item 3): the host's dry run of a points rule change answered
 * `eventsReplayed: 0` and showed nothing, since points come from the ledger (written by
 * subscribers) and a replay runs scoring rules only. Now the plugin's `previewImpact` replays the
 * last N days of orders; `POST /campaigns/impact` does the same for a campaign before it is saved.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, member, order } from './points-client.js'

describe.each(dialects)('impact preview on %s', (dialect) => {
  let host: TestHost
  let ids: string[]
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    const ago = (days: number) => new Date(host.now().getTime() - days * DAY).toISOString()
    ids = [await host.customer(), await host.customer(), await host.customer()]
    await order(host, ids[0]!, 10_000, { channel: 'app' }, ago(5)) // 100 points
    await order(host, ids[1]!, 5_000, { channel: 'store' }, ago(10)) // 50
    await order(host, ids[2]!, 20_000, {}, ago(40)) // 200, before the 30 days
  })
  afterAll(() => host.close())

  const outstanding = async () => {
    let sum = 0
    for (const id of ids) sum += (await member(host, id)).balance
    return sum
  }

  it("the host's dry run of pointsPerUnit: 2 replays the orders of the last 30 days and reports the points and liability it would add", async () => {
    const before = await outstanding()
    const res = await host.http.post('/api/v1/plugins/points-membership/preview', { config: { pointsPerUnit: 2 }, days: 30 })
    expect(res.status, await res.clone().text()).toBe(200)
    const report = await host.json(res)
    expect(report.eventsReplayed).toBe(2)
    expect(report.impact).toMatchObject({
      days: 30, ordersReplayed: 2, customersAffected: 2, pointsIssued: { before: 150, after: 300, change: 150 },
      pointsOutstanding: before, liability: { before, after: before + 150, change: 150, currency: 'CNY' },
    })
    expect(await outstanding()).toBe(before)
  })

  it('previews a campaign before it is saved, and a change of the point value', async () => {
    const campaign = { name: 'App week', kind: 'bonus', bonusPoints: 20, startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-01-08T00:00:00Z', conditions: { channels: ['app'] } }
    const res = await host.http.post(`${base}/campaigns/impact`, { days: 30, campaign })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await host.json(res)).toMatchObject({ ordersReplayed: 2, customersAffected: 1, pointsIssued: { before: 150, after: 170, change: 20 }, liability: { change: 20 } })
    expect((await host.json(await host.http.get(`${base}/campaigns`))).items).toEqual([])
    const value = await host.json(await host.http.post(`${base}/campaigns/impact`, { days: 60, config: { pointValueMinor: 3 } }))
    const total = await outstanding()
    expect(value).toMatchObject({ ordersReplayed: 3, customersAffected: 0, pointsIssued: { change: 0 }, liability: { before: total, after: total * 3 } })
    expect((await host.as('analyst').post(`${base}/campaigns/impact`, { days: 30 })).status).toBe(403)
  })
})
