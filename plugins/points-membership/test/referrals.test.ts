import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, member, order } from './points-client.js'

const config = { 'points-membership': { autoEnrol: true, referrals: { referrerPoints: 300, refereePoints: 150, refereeRewardId: 'welcome', minOrderMinor: 5_000 } } }

describe.each(dialects)('member-get-member referrals on %s', (dialect) => {
  let host: TestHost
  let referrer: string
  let code: string
  const link = (customerId: string, c: string) => host.http.post(`${base}/referrals`, { customerId, code: c })
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config })
    await host.http.post(`${base}/rewards`, { id: 'welcome', name: 'Welcome tea', costPoints: 1, kind: 'gift', value: { type: 'product', sku: 'T-1', productName: 'Tea' } })
    referrer = await host.customer({ phone: '+8613800000001', email: 'ada@example.com' })
    await host.http.post(`${base}/members`, { customerId: referrer })
    const summary = await host.json(await host.http.get(`${base}/members/${referrer}/referral`))
    code = summary.code
    expect(summary).toEqual({ code: expect.stringMatching(/^R[2-9A-HJKMNP-Z]{7}$/), referredBy: null, referred: 0, rewarded: 0 })
  }, 120_000)
  afterAll(() => host.close())

  it('gives each member one code, shown on their page and to staff alike', async () => {
    expect((await host.json(await host.http.get(`${base}/members/${referrer}/referral`))).code).toBe(code)
    const token = (await host.json(await host.http.post(`${base}/members/${referrer}/links`, {}))).token
    expect((await host.json(await host.as({ link: token }).get(`${base}/me`))).referral).toEqual({ code, referred: 0, rewarded: 0 })
    expect((await host.as('analyst').post(`${base}/referrals`, { customerId: referrer, code })).status).toBe(403)
  })

  it('refuses self-referrals: the own code, or another record with the same phone or email', async () => {
    const own = await link(referrer, code)
    expect([own.status, (await host.json(own)).error.code]).toEqual([422, 'POINTS_REFERRAL_SELF'])
    for (const fields of [{ phone: '+86 138 0000 0001' }, { email: 'ADA@example.com ' }]) {
      const twin = await host.customer(fields)
      const res = await link(twin, code.toLowerCase())
      expect([res.status, (await host.json(res)).error.code]).toEqual([422, 'POINTS_REFERRAL_SELF'])
    }
    const unknown = await link(await host.customer(), 'RZZZZZZZ')
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([404, 'POINTS_REFERRAL_CODE_NOT_FOUND'])
    const nobody = await link('cus_nobody', code)
    expect(nobody.status).toBe(404)
  })

  it('keeps one referrer per referee, and only for a customer who has not ordered yet', async () => {
    const referee = await host.customer()
    expect((await link(referee, code)).status).toBe(201)
    const other = await host.customer()
    await host.http.post(`${base}/members`, { customerId: other })
    const otherCode = (await host.json(await host.http.get(`${base}/members/${other}/referral`))).code
    const second = await link(referee, otherCode)
    expect([second.status, (await host.json(second)).error.code]).toEqual([409, 'POINTS_REFERRAL_EXISTS'])
    const ordered = await host.customer()
    await order(host, ordered, 9_000)
    const late = await link(ordered, code)
    expect([late.status, (await host.json(late)).error.code]).toEqual([409, 'POINTS_REFERRAL_NOT_NEW'])
  })

  it("rewards both sides once, at the referee's first qualifying order's time, and counts the referral on the referrer", async () => {
    const referee = await host.customer()
    expect((await link(referee, code)).status).toBe(201)
    const before = (await member(host, referrer)).balance
    await order(host, referee, 4_000)
    expect((await member(host, referrer)).balance).toBe(before)
    const at = new Date(host.now().getTime() - 2 * DAY).toISOString()
    const orderId = await order(host, referee, 6_000, {}, at)
    await order(host, referee, 8_000)
    const r = await member(host, referrer)
    expect(r.balance).toBe(before + 300)
    const bonus = r.entries.find((e: { kind: string; delta: number }) => e.kind === 'earn' && e.delta === 300)
    expect(bonus.occurredAt).toBe(at)
    const e = await member(host, referee)
    // Orders earn 1 point per 100 minor units by default; the referee's bonus is 150 on top.
    expect(e.balance).toBe(40 + 60 + 80 + 150)
    const vouchers = (await host.json(await host.http.get(`${base}/vouchers?customerId=${referee}`))).items
    expect(vouchers.map((v: { rewardId: string; issuedAt: string }) => [v.rewardId, v.issuedAt])).toEqual([['welcome', at]])
    expect((await host.profile(referrer))['points.referrals']).toBe(1)
    const summary = await host.json(await host.http.get(`${base}/members/${referrer}/referral`))
    expect(summary).toMatchObject({ referred: 2, rewarded: 1 })
    expect((await host.json(await host.http.get(`${base}/members/${referee}/referral`))).referredBy).toBe(referrer)
    const events = (await host.json(await host.http.get(`/api/v1/customers/${referrer}/events?limit=50`))).items as Array<{ type: string; payload: { orderId: string } }>
    expect(events.filter((ev) => ev.type === 'points.referral.rewarded').map((ev) => ev.payload.orderId)).toEqual([orderId])
  })
})
