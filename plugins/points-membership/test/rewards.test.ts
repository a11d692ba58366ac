import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, memberWith, snapshot, travel } from './points-client.js'

describe.each(dialects)('rewards and vouchers on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const addReward = (body: Record<string, unknown>) => host.http.post(`${base}/rewards`, { name: 'Tea cup', costPoints: 100, ...body })
  const redeem = (id: string, rewardId: string, idempotencyKey: string, quantity = 1) =>
    host.http.post(`${base}/members/${id}/redemptions`, { rewardId, quantity, idempotencyKey })
  const stockOf = async (rewardId: string) =>
    (await host.json(await host.http.get(`${base}/rewards`))).items.find((r: { id: string }) => r.id === rewardId)?.stock

  it('redeems a reward for its cost, takes stock and issues one voucher per item; a repeat returns the same', async () => {
    expect((await addReward({ id: 'tea-cup', stock: 5 })).status).toBe(201)
    expect((await addReward({ id: 'tea-cup' })).status).toBe(409)
    const id = await memberWith(host, 500)
    const res = await redeem(id, 'tea-cup', 'r1', 2)
    expect(res.status).toBe(201)
    const body = await host.json(res)
    expect(body.entry).toMatchObject({ kind: 'spend', points: 200, balanceAfter: 300 })
    expect(body.vouchers).toHaveLength(2)
    expect(body.vouchers[0].code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const again = await redeem(id, 'tea-cup', 'r1', 2)
    expect(again.status).toBe(200)
    expect((await host.json(again)).vouchers).toEqual(body.vouchers)
    expect(await stockOf('tea-cup')).toBe(3)
    expect((await redeem(id, 'tea-cup', 'r1', 1)).status).toBe(409)
  })

  it.each([
    ['an unknown reward', 'nope', {}, 404, 'POINTS_REWARD_NOT_FOUND'],
    ['an inactive reward', 'cup', { active: false }, 404, 'POINTS_REWARD_NOT_FOUND'],
    ['an out-of-stock reward', 'cup', { stock: 0 }, 409, 'POINTS_OUT_OF_STOCK'],
    ['a reward above the balance', 'cup', { costPoints: 1_000 }, 409, 'POINTS_INSUFFICIENT_BALANCE'],
  ])('refuses %s with a coded 4xx and changes nothing', async (_name, rewardId, reward, status, code) => {
    await addReward({ id: 'cup', stock: 1, ...reward })
    const id = await memberWith(host, 500)
    const before = [await snapshot(host, id), await stockOf('cup')]
    const res = await redeem(id, rewardId, 'k')
    expect(res.status).toBe(status)
    expect((await host.json(res)).error.code).toBe(code)
    expect([await snapshot(host, id), await stockOf('cup')]).toEqual(before)
  })

  it('never sells more than the stock to concurrent redemptions', async () => {
    await addReward({ id: 'rare', stock: 3, costPoints: 10 })
    const ids = await Promise.all(Array.from({ length: 8 }, () => memberWith(host, 100)))
    const results = await Promise.all(ids.map((id) => redeem(id, 'rare', 'k')))
    expect(results.filter((r) => r.status === 201)).toHaveLength(3)
    expect(results.filter((r) => r.status === 409)).toHaveLength(5)
    expect(await stockOf('rare')).toBe(0)
    expect((await host.json(await host.http.get(`${base}/verify`))).ok).toBe(true)
    const balances = await Promise.all(ids.map(async (id) => (await snapshot(host, id)).balance))
    expect(balances.filter((b) => b === 90)).toHaveLength(3)
  })

  it('uses a voucher once, and refuses an expired or unknown code', async () => {
    await addReward({ id: 'cup', voucherValidDays: 1 })
    const id = await memberWith(host, 500)
    const [first, second] = (await host.json(await redeem(id, 'cup', 'k', 2))).vouchers
    const use = (code: string) => host.http.post(`${base}/voucher-uses`, { code })
    const ok = await use(first.code.toLowerCase())
    expect(ok.status).toBe(200)
    expect((await host.json(ok)).status).toBe('used')
    const reused = await use(first.code)
    expect([reused.status, (await host.json(reused)).error.code]).toEqual([409, 'POINTS_VOUCHER_USED'])
    const unknown = await use('AAAA-BBBB-CCCC')
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([404, 'POINTS_VOUCHER_NOT_FOUND'])
    await travel(host, DAY + 1)
    const expired = await use(second.code)
    expect([expired.status, (await host.json(expired)).error.code]).toEqual([422, 'POINTS_VOUCHER_EXPIRED'])
  })

  it('lets admins change a reward, and only admins', async () => {
    await addReward({ id: 'cup' })
    const res = await host.http.patch(`${base}/rewards/cup`, { stock: 7, costPoints: 120 })
    expect(await host.json(res)).toMatchObject({ id: 'cup', stock: 7, costPoints: 120 })
    expect((await host.as('agent').patch(`${base}/rewards/cup`, { stock: 1 })).status).toBe(403)
    expect((await host.as('agent').post(`${base}/rewards`, { id: 'x', name: 'x', costPoints: 1 })).status).toBe(403)
    expect((await host.http.patch(`${base}/rewards/none`, { stock: 1 })).status).toBe(404)
  })

  it('holds each customer to a reward’s per-customer limit; voided items do not count', async () => {
    expect((await addReward({ id: 'gift-box', kind: 'gift', perCustomerLimit: 2 })).status).toBe(201)
    const id = await memberWith(host, 1_000)
    const other = await memberWith(host, 1_000)
    const first = await host.json(await redeem(id, 'gift-box', 'g1', 2))
    const before = await snapshot(host, id)
    const over = await redeem(id, 'gift-box', 'g2')
    expect(over.status).toBe(409)
    expect((await host.json(over)).error).toMatchObject({ code: 'POINTS_REWARD_LIMIT_REACHED', details: { limit: 2, redeemed: 2 } })
    expect(await snapshot(host, id)).toEqual(before)
    expect((await redeem(other, 'gift-box', 'g3')).status).toBe(201)
    const voided = await host.http.post(`${base}/voucher-voids`, { code: first.vouchers[0].code, reason: 'sale cancelled' })
    expect(voided.status).toBe(200)
    expect(await host.json(voided)).toMatchObject({ status: 'void', voidedAt: expect.any(String) })
    expect((await redeem(id, 'gift-box', 'g4')).status).toBe(201)
    expect((await host.json(await host.http.get(`${base}/rewards`))).items[0]).toMatchObject({ kind: 'gift', perCustomerLimit: 2, tiers: null })
  })

  it('voids an unused voucher once, returning its points with an audited adjustment; a void code cannot be used', async () => {
    await addReward({ id: 'cup' })
    const id = await memberWith(host, 300)
    const { vouchers: [voucher] } = await host.json(await redeem(id, 'cup', 'v1'))
    const voidIt = () => host.as('agent').post(`${base}/voucher-voids`, { code: voucher.code.toLowerCase(), reason: 'customer changed their mind' })
    expect((await voidIt()).status).toBe(200)
    const m = await host.json(await host.http.get(`${base}/members/${id}`))
    expect(m.balance).toBe(300)
    expect(m.entries[0]).toMatchObject({ kind: 'restore', delta: 100, reason: `voucher ${voucher.code} voided: customer changed their mind` })
    const again = await voidIt()
    expect(again.status).toBe(409)
    expect((await host.json(again)).error.code).toBe('POINTS_VOUCHER_VOID')
    const use = await host.http.post(`${base}/voucher-uses`, { code: voucher.code })
    expect(use.status).toBe(409)
    expect((await host.json(use)).error.code).toBe('POINTS_VOUCHER_VOID')
    expect((await host.json(await host.http.get(`${base}/members/${id}`))).balance).toBe(300)
  })

  it('refuses to void a used or unknown voucher, or without a reason', async () => {
    await addReward({ id: 'cup' })
    const id = await memberWith(host, 300)
    const { vouchers: [voucher] } = await host.json(await redeem(id, 'cup', 'v1'))
    expect((await host.http.post(`${base}/voucher-uses`, { code: voucher.code })).status).toBe(200)
    const used = await host.http.post(`${base}/voucher-voids`, { code: voucher.code, reason: 'too late' })
    expect([used.status, (await host.json(used)).error.code]).toEqual([409, 'POINTS_VOUCHER_USED'])
    const unknown = await host.http.post(`${base}/voucher-voids`, { code: 'ZZZZ-ZZZZ-ZZZZ', reason: 'no such' })
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([404, 'POINTS_VOUCHER_NOT_FOUND'])
    const noReason = await host.http.post(`${base}/voucher-voids`, { code: voucher.code })
    expect([noReason.status, (await host.json(noReason)).error.code]).toEqual([400, 'REQUEST_INVALID'])
    expect((await host.json(await host.http.get(`${base}/members/${id}`))).balance).toBe(200)
  })
})
