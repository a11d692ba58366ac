/**
 * Regression tests of the ledger defects issue 25 found: voids inflating lifetime earned, lots
 * the expiry emptied showing `used`, statement balances in another order than its rows, and
 * expired lots counting in the balance until the expiry job ran.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, daysAgo, member, memberWith, order, spend } from './points-client.js'

describe.each(dialects)('ledger defects of issue 25 on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const verifyOk = async () => expect((await host.json(await host.http.get(`${base}/verify`))).mismatches).toEqual([])

  it('voiding a voucher gives its points back without raising lifetime earned, however often', async () => {
    await host.http.post(`${base}/rewards`, { id: 'cup', name: 'Tea cup', costPoints: 15 })
    const id = await memberWith(host, 215)
    for (const key of ['r1', 'r2', 'r3']) {
      const { vouchers: [voucher] } = await host.json(await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'cup', idempotencyKey: key }))
      expect((await host.http.post(`${base}/voucher-voids`, { code: voucher.code, reason: 'sale cancelled' })).status).toBe(200)
    }
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 215, lifetimeEarned: 215 })
    expect(m.entries[0]).toMatchObject({ kind: 'restore', delta: 15 })
    expect((await host.profile(id))['points.lifetimeEarned']).toBe(215)
    await verifyOk()
  })

  it('a lot the expiry job emptied shows expired, a spent one used', async () => {
    const id = await host.customer()
    await order(host, id, 10_000, {}, daysAgo(host, 400))
    await order(host, id, 5_000, {}, daysAgo(host, 30))
    expect((await spend(host, id, 50, 's1')).status).toBe(201)
    await host.runJob('points-membership:expire-points')
    const m = await member(host, id)
    expect(m.lots.map((l: { points: number; remaining: number; expired: number; state: string }) => [l.points, l.remaining, l.expired, l.state]))
      .toEqual([[100, 0, 100, 'expired'], [50, 0, 0, 'used']])
    await verifyOk()
  })

  it('an expired lot leaves the balance before the expiry job runs, in reads and in the next write', async () => {
    const id = await host.customer()
    await order(host, id, 10_000, {}, daysAgo(host, 400))
    await order(host, id, 5_000, {}, daysAgo(host, 30))
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 50, available: 50 })
    expect(m.lots[0]).toMatchObject({ points: 100, state: 'expired' })
    const list = await host.json(await host.http.get(`${base}/members?customerId=${id}`))
    expect(list.items[0].balance).toBe(50)
    const res = await spend(host, id, 20, 's1')
    expect((await host.json(res)).entry).toMatchObject({ kind: 'spend', balanceAfter: 30 })
    expect((await host.profile(id))['points.balance']).toBe(30)
    const after = await member(host, id)
    expect(after.entries.map((e: { kind: string }) => e.kind)).toEqual(['spend', 'expire', 'earn', 'earn'])
    expect((await host.json(await host.runJob('points-membership:expire-points').then(() => host.http.get(`${base}/members/${id}`)))).entries).toHaveLength(4)
    await verifyOk()
  })

  it("a statement's balanceAfter runs in the order of its rows, from opening to closing", async () => {
    const id = await host.customer()
    await order(host, id, 3_000, {}, daysAgo(host, 5))
    await order(host, id, 7_000, {}, daysAgo(host, 10)) // recorded after a later order
    const s = await host.json(await host.http.get(`${base}/members/${id}/statement`))
    expect(s.entries.map((e: { delta: number }) => e.delta)).toEqual([70, 30])
    let running = s.openingBalance
    for (const e of s.entries) expect(e.balanceAfter).toBe((running += e.delta))
    expect(running).toBe(s.closingBalance)
  })
})
