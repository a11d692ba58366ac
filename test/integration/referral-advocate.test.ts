/**
 * Referrals feed tiering's ladder through the contract: points-membership mirrors
 * `points.referrals` and emits `points.referral.rewarded` on the referrer when a referee's first
 * qualifying order rewards the referral; tiering re-evaluates the referrer in that transaction, so
 * a ladder step on `points.referrals` is reached at once, even when the referral gives no points.
 */
import pointsMembership from '@rapport/plugin-points-membership/server'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '@rapport/plugin-tiering/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const POINTS = '/api/p/points-membership'

describe.each(dialects)('referrals on the ladder on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership, tiering], dialect, config: { 'points-membership': { autoEnrol: true, referrals: { referrerPoints: 0, refereePoints: 0 } } } })
  }, 120_000)
  afterAll(() => host.close())

  it("puts a referrer on a step that counts points.referrals as soon as their referee's first order completes", async () => {
    // Tiering accepts points-membership's field in its ladder (a known field of a built-in plugin).
    const put = await host.http.put('/api/v1/plugins/tiering/config', { ladder: { advocate: [{ field: 'points.referrals', op: 'gte', value: 1 }] } })
    expect(put.status).toBe(200)
    const referrer = await host.customer()
    await host.http.post(`${POINTS}/members`, { customerId: referrer })
    await host.emit('order.completed', referrer, { orderId: 'ref-own-1', amountMinor: 1_000, currency: 'CNY' })
    expect((await host.profile(referrer))['tiering.ladder']).not.toBe('advocate')
    const { code } = await host.json(await host.http.get(`${POINTS}/members/${referrer}/referral`))
    const referee = await host.customer()
    expect((await host.http.post(`${POINTS}/referrals`, { customerId: referee, code })).status).toBe(201)
    await host.emit('order.completed', referee, { orderId: 'ref-first-1', amountMinor: 2_000, currency: 'CNY' })
    const profile = await host.profile(referrer)
    expect(profile['points.referrals']).toBe(1)
    expect(profile['tiering.ladder']).toBe('advocate')
  })
})
