import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { definePlugin } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, member, order } from './points-client.js'

/** A stand-in for the tiering plugin: offers `tiering.benefits` (a diamond customer, multiplier 2, one exclusive reward). */
const fakeTiering = definePlugin({
  name: 'tiering', namespace: 'tiering', version: '0.1.0', host: '^1',
  extensionPoints: { 'tiering.benefits': { description: 'Benefits of a customer’s tier' } },
  setup(ctx) { ctx.provide('tiering.benefits', async () => ({ tier: 'diamond', pointsMultiplier: 2, exclusiveRewards: ['diamond-gift'], slaPriority: 'high' })) },
})

describe.each(dialects)('tier multipliers from tiering.benefits on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [fakeTiering, pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('multiplies earnings while tiering is on, and not after it is disabled', async () => {
    const id = await host.customer()
    await order(host, id, 10_000)
    expect((await member(host, id)).balance).toBe(200)
    const preview = await host.json(await host.http.post(`${base}/preview`, { customerId: id, amountMinor: 10_000, currency: 'CNY' }))
    expect(preview.lines).toContainEqual(expect.objectContaining({ rule: 'tier', points: 100 }))
    await host.host!.disable('tiering')
    try {
      await order(host, id, 10_000)
      expect((await member(host, id)).balance).toBe(300)
    } finally {
      await host.host!.enable('tiering')
    }
  })

  it('lets only the allowed tiers redeem a tier-limited reward, and nobody while tiering is off', async () => {
    await host.http.post(`${base}/rewards`, { id: 'silver-only', name: 'Silver lounge', costPoints: 10, tiers: ['silver'] })
    await host.http.post(`${base}/rewards`, { id: 'diamond-only', name: 'Diamond lounge', costPoints: 10, tiers: ['diamond'] })
    const id = await host.customer()
    await host.http.post(`${base}/members`, { customerId: id })
    await host.http.post(`${base}/members/${id}/adjustments`, { points: 100, reason: 'opening balance' })
    const refused = await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'silver-only', idempotencyKey: 't1' })
    expect(refused.status).toBe(409)
    expect((await host.json(refused)).error).toMatchObject({ code: 'POINTS_REWARD_TIER_NOT_ALLOWED', details: { tier: 'diamond', tiers: ['silver'] } })
    expect((await member(host, id)).balance).toBe(100)
    expect((await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'diamond-only', idempotencyKey: 't2' })).status).toBe(201)
    await host.host!.disable('tiering')
    try {
      const off = await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'diamond-only', idempotencyKey: 't3' })
      expect((await host.json(off)).error).toMatchObject({ code: 'POINTS_REWARD_TIER_NOT_ALLOWED', details: { tier: null } })
    } finally {
      await host.host!.enable('tiering')
    }
  })

  it("honours tiering's exclusiveRewards: an exclusive reward is listed and redeemable only for the customers whose benefits name it", async () => {
    await host.http.post(`${base}/rewards`, { id: 'diamond-gift', name: 'Diamond gift', costPoints: 10, exclusive: true })
    await host.http.post(`${base}/rewards`, { id: 'silver-gift', name: 'Silver gift', costPoints: 10, exclusive: true })
    await host.http.post(`${base}/rewards`, { id: 'open-cup', name: 'Cup', costPoints: 10 })
    const id = await host.customer()
    await host.http.post(`${base}/members`, { customerId: id })
    await host.http.post(`${base}/members/${id}/adjustments`, { points: 100, reason: 'opening balance' })
    const { token } = await host.json(await host.http.post(`${base}/members/${id}/links`, {}))
    const page = async () => (await host.json(await host.as({ link: token }).get(`${base}/me`))).affordable.map((r: { id: string }) => r.id)
    expect(await page()).toEqual(['diamond-gift', 'open-cup'])
    const refused = await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'silver-gift', idempotencyKey: 'x1' })
    expect([refused.status, (await host.json(refused)).error]).toEqual([409, expect.objectContaining({ code: 'POINTS_REWARD_EXCLUSIVE', details: { rewardId: 'silver-gift', tier: 'diamond' } })])
    expect((await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'diamond-gift', idempotencyKey: 'x2' })).status).toBe(201)
    await host.host!.disable('tiering')
    try {
      expect(await page()).toEqual(['open-cup'])
      const off = await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'diamond-gift', idempotencyKey: 'x3' })
      expect((await host.json(off)).error).toMatchObject({ code: 'POINTS_REWARD_EXCLUSIVE', details: { tier: null } })
    } finally {
      await host.host!.enable('tiering')
    }
  })
})
