import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, DAY, order, travel } from './points-client.js'

/** A stand-in for tiering: a bronze customer 300.00 of spend short of silver, reviewed at the next 03:00 UTC. */
const fakeTiering = definePlugin({
  name: 'tiering', namespace: 'tiering', version: '0.1.0', host: '^1',
  extensionPoints: { 'tiering.progress': { description: 'Progress to the next tier' } },
  setup(ctx) {
    ctx.provide('tiering.progress', async (_customerId: string, now: Date) => ({
      tier: 'bronze', next: 'silver', basis: 'spend', value: 200_000, target: 500_000, remaining: 300_000, windowDays: 365,
      reviewAt: new Date(now.getTime() + DAY).toISOString(),
    }))
  },
})

type Wallet = { code: string; rewardName: string | null; kind: string | null; value: unknown; status: string; expiresAt: string }

describe.each(dialects)("the member's wallet on %s", (dialect) => {
  let host: TestHost
  let id: string
  let token: string
  const page = async () => host.json(await host.as({ link: token }).get(`${base}/me`))
  beforeAll(async () => {
    host = await createTestHost({ plugins: [fakeTiering, pointsMembership], dialect, config: { 'points-membership': { expiryDays: 365 } } })
    id = await host.customer()
    await host.http.post(`${base}/members`, { customerId: id })
    await order(host, id, 12_000)
    await adjust(host, id, 1_000, 'opening balance')
    await host.http.post(`${base}/rewards`, { id: 'coffee', name: 'Free coffee', costPoints: 100, kind: 'gift', voucherValidDays: 10, value: { type: 'product', sku: 'CF-1', productName: 'Coffee' } })
    await host.http.post(`${base}/rewards`, { id: 'ten-off', name: '10 off', costPoints: 200, kind: 'voucher', voucherValidDays: 90, value: { type: 'amount', amountMinor: 1_000, currency: 'CNY' } })
    token = (await host.json(await host.as('agent').post(`${base}/members/${id}/links`, { ttlDays: 90 }))).token
  }, 120_000)
  afterAll(() => host.close())

  it('keeps every voucher the member redeemed, with its reward, value, status and expiry, after a reload', async () => {
    const codes: string[] = []
    for (const [rewardId, key] of [['coffee', 'w1'], ['ten-off', 'w2'], ['coffee', 'w3']] as const) {
      const res = await host.as({ link: token }).post(`${base}/me/redemptions`, { rewardId, idempotencyKey: key })
      expect(res.status).toBe(201)
      codes.push((await host.json(res)).vouchers[0].code)
    }
    expect((await host.http.post(`${base}/voucher-voids`, { code: codes[2], reason: 'asked by the member' })).status).toBe(200)
    const vouchers: Wallet[] = (await page()).vouchers
    // Usable ones first, soonest expiry first; then the others.
    expect(vouchers.map((v) => [v.code, v.status])).toEqual([[codes[0], 'issued'], [codes[1], 'issued'], [codes[2], 'void']])
    expect(vouchers[0]).toMatchObject({ rewardName: 'Free coffee', kind: 'gift', value: { type: 'product', productName: 'Coffee' } })
    expect(vouchers[1]).toMatchObject({ rewardName: '10 off', kind: 'voucher', value: { type: 'amount', amountMinor: 1_000, currency: 'CNY' } })
    // Past its expiry an unused code shows expired and moves below the usable ones.
    await travel(host, 11 * DAY)
    const later: Wallet[] = (await page()).vouchers
    expect(later.map((v) => [v.code, v.status])[0]).toEqual([codes[1], 'issued'])
    // The others newest first; these two were issued at the same moment.
    expect(later.slice(1).map((v) => [v.code, v.status]).sort()).toEqual([[codes[0], 'expired'], [codes[2], 'void']].sort())
  })

  it("shows the points expiring within 30, 60 and 90 days", async () => {
    const other = await host.customer()
    await host.http.post(`${base}/members`, { customerId: other })
    // Lots expire 365 days after they were earned: orders 300, 320 and 340 days ago expire in 65, 45 and 25 days.
    for (const [days, amount] of [[340, 1_000], [320, 2_000], [300, 4_000]] as const) {
      await order(host, other, amount, {}, new Date(host.now().getTime() - days * DAY).toISOString())
    }
    const link = (await host.json(await host.http.post(`${base}/members/${other}/links`, {}))).token
    const wallet = await host.json(await host.as({ link }).get(`${base}/me`))
    expect(wallet.expiringWithin).toEqual({ days30: 10, days60: 30, days90: 70 })
  })

  it("shows tiering's progress to the next tier and its review date, with the member's currency", async () => {
    const p = await page()
    expect(p.tierProgress).toEqual({
      next: 'silver', basis: 'spend', value: 200_000, target: 500_000, remaining: 300_000, windowDays: 365, currency: 'CNY',
      reviewAt: new Date(host.now().getTime() + DAY).toISOString(),
    })
    await host.host!.disable('tiering')
    try {
      expect((await page()).tierProgress).toBeNull()
    } finally {
      await host.host!.enable('tiering')
    }
  })
})
