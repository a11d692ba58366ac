import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin, field, rule } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, DAY, memberWith, order, spend } from './points-client.js'

/** A stand-in for the tiering plugin: its `tier` profile field, Silver after any order. */
const fakeTiering = definePlugin({
  name: 'tiering', namespace: 'tiering', version: '0.1.0', host: '^1',
  profile: { tier: field.enum(['diamond', 'silver', 'bronze', 'iron'], ['Value tier', '价值等级']) },
  scoring: [rule({ id: 'silver-on-order', version: 1, on: 'order.completed', apply: () => ({ 'tiering.tier': { set: 'silver' } }) })],
})

type Link = { path: string; token: string; expiresAt: string }

describe.each(dialects)("the member's own page on %s", (dialect) => {
  let host: TestHost
  let id: string
  let link: Link
  beforeAll(async () => {
    host = await createTestHost({ plugins: [fakeTiering, pointsMembership], dialect, config: { 'points-membership': { expiryDays: 20, expiringSoonDays: 30 } } })
    id = await memberWith(host, 500)
    await order(host, id, 12_000)
    expect((await spend(host, id, 100, 'page-1')).status).toBe(201)
    await adjust(host, id, -5, 'internal note: typo in the till')
    await host.http.post(`${base}/rewards`, { id: 'cup', name: 'Tea cup', costPoints: 300 })
    await host.http.post(`${base}/rewards`, { id: 'pot', name: 'Tea pot', costPoints: 5_000 })
    await host.http.post(`${base}/rewards`, { id: 'old', name: 'Old mug', costPoints: 10, active: false })
    const res = await host.as('agent').post(`${base}/members/${id}/links`, { ttlDays: 7 })
    expect(res.status).toBe(201)
    link = await host.json(res)
  }, 60_000)
  afterAll(() => host.close())

  it('issues a signed link to /m/<token> for staff, valid for the days asked', async () => {
    expect(link.path).toBe(`/m/${link.token}`)
    expect(Date.parse(link.expiresAt) - host.now().getTime()).toBe(7 * DAY)
    expect((await host.as('analyst').post(`${base}/members/${id}/links`, {})).status).toBe(403)
    expect((await host.as('anonymous').post(`${base}/members/${id}/links`, {})).status).toBe(401)
    const stranger = await host.customer()
    const notMember = await host.as('agent').post(`${base}/members/${stranger}/links`, {})
    expect(notMember.status).toBe(404)
    expect((await host.json(notMember)).error.code).toBe('POINTS_MEMBER_NOT_FOUND')
    for (const ttlDays of [0, 91, 1.5]) expect((await host.as('agent').post(`${base}/members/${id}/links`, { ttlDays })).status).toBe(400)
  })

  it("sends the member their page's link through the delivery service, for staff only", async () => {
    const sent = await host.as('agent').post(`${base}/members/${id}/link-messages`, { ttlDays: 7 })
    expect(sent.status).toBe(202)
    const { messageId } = await host.json(sent)
    const log = (await host.json(await host.http.get(`/api/v1/messages?customerId=${id}`))).items as Array<{ id: string; template: string }>
    expect(log.filter((m) => m.template === 'points.member-link').map((m) => m.id)).toEqual([messageId])
    // The log holds ids only: the link's token is signed when the message is sent, never stored.
    expect(JSON.stringify(log)).not.toContain('/m/')
    expect((await host.as('analyst').post(`${base}/members/${id}/link-messages`, {})).status).toBe(403)
    const notMember = await host.as('agent').post(`${base}/members/${await host.customer()}/link-messages`, {})
    expect([notMember.status, (await host.json(notMember)).error.code]).toEqual([404, 'POINTS_MEMBER_NOT_FOUND'])
  })

  it('shows the member their balance, expiring points, entries without staff notes, tier and affordable rewards', async () => {
    const res = await host.as({ link: link.token }).get(`${base}/me`)
    expect(res.status).toBe(200)
    const page = await host.json(res)
    const staff = await host.json(await host.http.get(`${base}/members/${id}`))
    expect(page).toMatchObject({ memberNo: staff.memberNo, status: 'active', balance: staff.balance, available: staff.available, pending: staff.pending, debt: 0, tier: 'silver' })
    expect(page.balance).toBe(500 + 120 - 100 - 5)
    expect(page.expiring.reduce((n: number, e: { points: number }) => n + e.points, 0)).toBe(page.balance)
    expect(page.entries.map((e: { kind: string }) => e.kind)).toEqual(['adjust', 'spend', 'earn', 'adjust'])
    expect(JSON.stringify(page)).not.toContain('internal note')
    expect(page.affordable.map((r: { id: string }) => r.id)).toEqual(staff.available >= 300 ? ['cup'] : [])
  })

  it('opens nothing without a link, with a forged one, or for staff', async () => {
    expect((await host.as('anonymous').get(`${base}/me`)).status).toBe(401)
    expect((await host.as({ link: `${link.token}x` }).get(`${base}/me`)).status).toBe(401)
    expect((await host.as('owner').get(`${base}/me`)).status).toBe(403)
    // The link opens only the member page: staff routes stay closed to it.
    expect((await host.as({ link: link.token }).get(`${base}/members/${id}`)).status).toBe(403)
  })

  it('lets the member redeem a reward they can afford, once per key, and refuses what they cannot', async () => {
    const before = await host.json(await host.as({ link: link.token }).get(`${base}/me`))
    const first = await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'cup', idempotencyKey: 'tap-1' })
    expect(first.status).toBe(201)
    const redeemed = await host.json(first)
    expect(redeemed.vouchers).toHaveLength(1)
    const again = await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'cup', idempotencyKey: 'tap-1' })
    expect(again.status).toBe(200)
    expect((await host.json(again)).vouchers[0].code).toBe(redeemed.vouchers[0].code)
    const after = await host.json(await host.as({ link: link.token }).get(`${base}/me`))
    expect(after.balance).toBe(before.balance - 300)
    expect(after.entries[0]).toMatchObject({ kind: 'spend', delta: -300 })
    const tooDear = await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'pot', idempotencyKey: 'tap-2' })
    expect(tooDear.status).toBe(409)
    expect((await host.json(tooDear)).error.code).toBe('POINTS_INSUFFICIENT_BALANCE')
    const unknown = await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'old', idempotencyKey: 'tap-3' })
    expect(unknown.status).toBe(404)
    expect((await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'cup' })).status).toBe(400)
    expect((await host.as('owner').post(`${base}/me/redemptions`, { rewardId: 'cup', idempotencyKey: 'tap-4' })).status).toBe(403)
    expect((await host.json(await host.as({ link: link.token }).get(`${base}/me`))).balance).toBe(after.balance)
  })

  it('takes only the reward and a key from the member: staff fields (customer, quantity, points, actor, reason) are a 400 naming each, and nothing is spent', async () => {
    const before = (await host.json(await host.as({ link: link.token }).get(`${base}/me`))).balance
    const other = await host.customer()
    for (const [field, value] of Object.entries({ customerId: other, quantity: 3, points: 1, costPoints: 0, actor: 'user:u_1', reason: 'gift', status: 'active', tier: 'diamond' })) {
      const res = await host.as({ link: link.token }).post(`${base}/me/redemptions`, { rewardId: 'cup', idempotencyKey: `staff-${field}`, [field]: value })
      expect(res.status, field).toBe(400)
      const error = (await host.json(res)).error
      expect(error.code).toBe('REQUEST_INVALID')
      expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([`body.${field}`])
    }
    expect((await host.json(await host.as({ link: link.token }).get(`${base}/me`))).balance).toBe(before)
  })

  it('shows a suspended member their status and no rewards to redeem', async () => {
    const other = await memberWith(host, 1_000)
    const own: Link = await host.json(await host.as('agent').post(`${base}/members/${other}/links`, {}))
    expect((await host.json(await host.as({ link: own.token }).get(`${base}/me`))).affordable.map((r: { id: string }) => r.id)).toEqual(['cup'])
    await host.http.patch(`${base}/members/${other}`, { status: 'suspended' })
    const page = await host.json(await host.as({ link: own.token }).get(`${base}/me`))
    expect(page).toMatchObject({ status: 'suspended', balance: 1_000, affordable: [], tier: null })
  })
})
