/**
 * The till API through HTTP with an API key scoped `vouchers:use`: a day of look-ups, uses,
 * repeats and undos, as a shop's till makes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, memberWith, travel } from './points-client.js'

describe.each(dialects)('the till API on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config: { 'points-membership': { voucherUndoMinutes: 15 } } })
  }, 60_000)
  afterAll(() => host.close())

  it('replays a day at the till: look-ups change nothing, uses name reward and value, repeats return the first result, undos only within the window', async () => {
    const rewards = [
      { id: 'ten-off', name: '¥10 off', kind: 'voucher', costPoints: 100, value: { type: 'amount', amountMinor: 1_000, currency: 'CNY' } },
      { id: 'tea-20', name: '20% off tea', kind: 'discount', costPoints: 50, value: { type: 'percent', percent: 20 } },
      { id: 'free-tea', name: 'Free jasmine tea', kind: 'gift', costPoints: 80, value: { type: 'product', sku: 'TEA-1', productName: 'Jasmine tea' } },
    ]
    for (const r of rewards) expect((await host.http.post(`${base}/rewards`, r)).status).toBe(201)
    const mismatch = await host.http.post(`${base}/rewards`, { id: 'odd', name: 'Odd', kind: 'gift', costPoints: 5, value: { type: 'percent', percent: 5 } })
    expect([mismatch.status, (await host.json(mismatch)).error.code]).toEqual([422, 'POINTS_REWARD_VALUE_INVALID'])
    const id = await memberWith(host, 1_000)
    await host.http.patch(`/api/v1/customers/${id}`, { name: '王芳' })
    const issue = async (rewardId: string, key: string) =>
      (await host.json(await host.http.post(`${base}/members/${id}/redemptions`, { rewardId, idempotencyKey: key }))).vouchers[0].code as string
    const [ten, tea, gift] = [await issue('ten-off', 'i1'), await issue('tea-20', 'i2'), await issue('free-tea', 'i3')]

    const till = host.as({ apiKey: await host.apiKey(['vouchers:use']) })
    const lookUp = (code: string) => till.get(`${base}/vouchers/${code}`)
    const use = (code: string, idempotencyKey: string, orderReference: string) => till.post(`${base}/vouchers/${code}/uses`, { idempotencyKey, orderReference })
    const undo = (code: string, idempotencyKey: string) => till.post(`${base}/vouchers/${code}/use-undos`, { idempotencyKey, reason: 'rung up on the wrong order' })

    // 09:00 a look-up, twice: the code stays issued.
    for (let i = 0; i < 2; i += 1) {
      const res = await lookUp(ten.toLowerCase())
      expect(res.status).toBe(200)
      expect(await host.json(res)).toMatchObject({
        code: ten, status: 'issued', reward: { name: '¥10 off', kind: 'voucher', value: { type: 'amount', amountMinor: 1_000, currency: 'CNY' } },
        customer: { id, name: '王芳', memberNo: expect.stringMatching(/^P\d{8}$/) }, use: null, expiresAt: expect.any(String),
      })
    }
    // 09:05 used on an order; the till's retry (same key) gets the same answer, 200.
    const first = await use(ten, 'till1-0001', 'POS-1-0001')
    expect(first.status).toBe(201)
    const used = await host.json(first)
    expect(used).toMatchObject({ status: 'used', repeated: false, reward: { name: '¥10 off', value: { amountMinor: 1_000 } }, use: { orderReference: 'POS-1-0001', idempotencyKey: 'till1-0001' } })
    const retry = await use(ten, 'till1-0001', 'POS-1-0001')
    expect([retry.status, (await host.json(retry)).status]).toEqual([200, 'used'])
    // Another till tries the same code: refused; the first till's key on another order: refused.
    const twice = await use(ten, 'till2-0001', 'POS-2-0001')
    expect([twice.status, (await host.json(twice)).error.code]).toEqual([409, 'POINTS_VOUCHER_USED'])
    const otherOrder = await use(ten, 'till1-0001', 'POS-1-0002')
    expect([otherOrder.status, (await host.json(otherOrder)).error.code]).toEqual([409, 'POINTS_KEY_REUSED'])
    // 09:10 the percentage voucher used, then undone within the window, then used again on the right order.
    expect((await host.json(await use(tea, 'till1-0002', 'POS-1-0003'))).reward).toMatchObject({ kind: 'discount', value: { type: 'percent', percent: 20 } })
    const undone = await undo(tea, 'till1-0002')
    expect(undone.status).toBe(200)
    expect(await host.json(undone)).toMatchObject({ status: 'issued', use: null, repeated: false })
    expect((await host.json(await undo(tea, 'till1-0002'))).repeated).toBe(true)
    expect((await use(tea, 'till1-0002', 'POS-1-0003')).status).toBe(200) // a late retry of the undone use does not use it again
    expect((await host.json(await lookUp(tea))).status).toBe('issued')
    expect((await use(tea, 'till1-0003', 'POS-1-0004')).status).toBe(201)
    // 09:40 the gift used; an undo 30 minutes later is too late.
    expect((await host.json(await use(gift, 'till1-0004', 'POS-1-0005'))).reward).toMatchObject({ name: 'Free jasmine tea', value: { sku: 'TEA-1', productName: 'Jasmine tea' } })
    host.advance(30 * 60_000)
    const late = await undo(gift, 'till1-0004')
    expect([late.status, (await host.json(late)).error.code]).toEqual([409, 'POINTS_VOUCHER_UNDO_WINDOW_PASSED'])
    const unknownUse = await undo(gift, 'till9-9999')
    expect([unknownUse.status, (await host.json(unknownUse)).error.code]).toEqual([404, 'POINTS_VOUCHER_USE_NOT_FOUND'])
    const unknown = await lookUp('ZZZZ-ZZZZ-ZZZZ')
    expect([unknown.status, (await host.json(unknown)).error.code]).toEqual([404, 'POINTS_VOUCHER_NOT_FOUND'])
    // Weeks later an unused code is expired: the look-up says so and a use is refused.
    const late2 = await issue('ten-off', 'i4')
    await travel(host, 31 * DAY)
    expect((await host.json(await lookUp(late2))).status).toBe('expired')
    const expired = await use(late2, 'till1-0100', 'POS-1-0100')
    expect([expired.status, (await host.json(expired)).error.code]).toEqual([422, 'POINTS_VOUCHER_EXPIRED'])
    // The member's points were never touched by the till.
    expect((await host.json(await host.http.get(`${base}/members/${id}`))).balance).toBe(1_000 - 100 - 50 - 80 - 100)
  })

  it('is for staff and vouchers:use keys only; the key reaches nothing else', async () => {
    const id = await memberWith(host, 10)
    const readOnly = host.as({ apiKey: await host.apiKey(['customers:read']) })
    expect((await readOnly.get(`${base}/vouchers/ZZZZ-ZZZZ-ZZZZ`)).status).toBe(403)
    expect((await readOnly.post(`${base}/vouchers/ZZZZ-ZZZZ-ZZZZ/uses`, { idempotencyKey: 'k', orderReference: 'o' })).status).toBe(403)
    expect((await host.as('anonymous').get(`${base}/vouchers/ZZZZ-ZZZZ-ZZZZ`)).status).toBe(401)
    expect((await host.as('analyst').post(`${base}/vouchers/ZZZZ-ZZZZ-ZZZZ/uses`, { idempotencyKey: 'k', orderReference: 'o' })).status).toBe(403)
    expect((await host.as('agent').get(`${base}/vouchers/ZZZZ-ZZZZ-ZZZZ`)).status).toBe(404)
    const till = host.as({ apiKey: await host.apiKey(['vouchers:use']) })
    expect((await till.get(`${base}/members/${id}`)).status).toBe(403)
    expect((await till.post(`${base}/members/${id}/adjustments`, { points: 5, reason: 'not allowed' })).status).toBe(403)
  })
})
