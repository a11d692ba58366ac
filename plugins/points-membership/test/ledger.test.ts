import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, DAY, daysAgo, invariantHolds, member, memberWith, order, refund, snapshot, spend, travel } from './points-client.js'

describe.each(dialects)('the points ledger on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config: { 'points-membership': { categoryMultipliers: { tea: 2 } } } })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('boots', () => {
    expect(host.bootReport!.plugins['points-membership']).toEqual({ state: 'active' })
  })

  it('enrols on the first order and earns a pending lot that becomes spendable after the return window', async () => {
    const id = await host.customer()
    const orderId = await order(host, id, 12_950, { items: [{ sku: 'T1', category: 'tea', quantity: 1, unitPriceMinor: 5_000 }, { sku: 'C1', quantity: 1, unitPriceMinor: 7_950 }] })
    const m = await member(host, id)
    // base 129.5 + tea bonus 50 → 179
    expect(m).toMatchObject({ balance: 179, available: 0, pending: 179, debt: 0, lifetimeEarned: 179, status: 'active' })
    expect(m.memberNo).toMatch(/^P\d{8}$/)
    expect(m.lots).toEqual([expect.objectContaining({ orderId, points: 179, remaining: 179, state: 'pending' })])
    expect(await host.profile(id)).toMatchObject({ 'points.balance': 179, 'points.lifetimeEarned': 179, 'points.memberNo': m.memberNo })
    const early = await spend(host, id, 10, 'too-early')
    expect(early.status).toBe(409)
    expect((await host.json(early)).error.code).toBe('POINTS_INSUFFICIENT_BALANCE')
    await travel(host, 7 * DAY + 1)
    const res = await spend(host, id, 100, 'k1')
    expect(res.status).toBe(201)
    expect((await host.json(res)).entry).toMatchObject({ kind: 'spend', points: 100, delta: -100, balanceAfter: 79 })
    expect((await host.profile(id))['points.balance']).toBe(79)
  })

  it('earns through POST /api/v1/events too, once per order id', async () => {
    const ev = (id: string, orderId: string) => ({ id, type: 'order.completed', customerExternalId: 'CRM-1', orderId, amountMinor: 20_000, currency: 'CNY', occurredAt: host.now().toISOString() })
    const res = await host.http.post('/api/v1/events', { events: [ev('e1', 'A1'), ev('e2', 'A1'), ev('e1', 'A1')] })
    expect(res.status).toBe(200)
    const customers = await host.json(await host.http.get('/api/v1/customers'))
    const id = customers.items[0].id as string
    const m = await member(host, id)
    expect(m.balance).toBe(200)
    expect(m.entries).toHaveLength(1)
  })

  it('does not earn for another currency, nor auto-enrol when autoEnrol is off', async () => {
    const id = await host.customer()
    await host.emit('order.completed', id, { orderId: 'usd-1', amountMinor: 10_000, currency: 'USD' })
    expect((await host.http.get(`${base}/members/${id}`)).status).toBe(404)
    await host.host!.configure('points-membership', { autoEnrol: false })
    try {
      await order(host, id, 10_000)
      expect((await host.http.get(`${base}/members/${id}`)).status).toBe(404)
    } finally {
      await host.host!.configure('points-membership', { categoryMultipliers: { tea: 2 } })
    }
  })

  it('spends earliest-expiring lots first', async () => {
    const id = await host.customer()
    await order(host, id, 7_000, { }, daysAgo(host, 10))
    await order(host, id, 5_000, { }, daysAgo(host, 20))
    const res = await spend(host, id, 60, 'k1')
    expect(res.status).toBe(201)
    const m = await member(host, id)
    expect(m.lots.map((l: any) => [l.points, l.remaining])).toEqual([[50, 0], [70, 60]])
  })

  it('revokes proportionally on partial refunds and all on the rest', async () => {
    const id = await host.customer()
    const orderId = await order(host, id, 10_000)
    await refund(host, id, orderId, 2_500)
    expect((await member(host, id)).balance).toBe(75)
    await refund(host, id, orderId, 7_500)
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 0, debt: 0, lifetimeEarned: 0 })
    expect(m.entries.map((e: any) => e.kind)).toEqual(['revoke', 'revoke', 'earn'])
    expect(invariantHolds(m)).toBe(true)
  })

  it('ignores refunds of unknown orders, of another customer’s order, or in another currency', async () => {
    const id = await host.customer()
    const other = await host.customer()
    const orderId = await order(host, id, 10_000)
    await refund(host, id, 'never-seen', 5_000)
    await refund(host, other, orderId, 5_000)
    await refund(host, id, orderId, 5_000, 'USD')
    expect((await member(host, id)).balance).toBe(100)
  })

  it('caps earnings per day', async () => {
    await host.host!.configure('points-membership', { caps: { perDay: 150 } })
    try {
      const id = await host.customer()
      await order(host, id, 10_000)
      await order(host, id, 10_000)
      await order(host, id, 10_000)
      const m = await member(host, id)
      expect(m.balance).toBe(150)
      expect(m.entries[0].details.lines).toContainEqual(expect.objectContaining({ rule: 'cap-day', points: -50 }))
    } finally {
      await host.host!.configure('points-membership', { categoryMultipliers: { tea: 2 } })
    }
  })

  it('records debt when the points were already spent, and repays it from the next earn', async () => {
    const id = await host.customer()
    const orderId = await order(host, id, 10_000, {}, daysAgo(host, 8))
    expect((await spend(host, id, 80, 'k1')).status).toBe(201)
    await refund(host, id, orderId, 10_000)
    let m = await member(host, id)
    expect(m).toMatchObject({ balance: -80, debt: 80, available: 0 })
    expect(invariantHolds(m)).toBe(true)
    await order(host, id, 5_000)
    m = await member(host, id)
    expect(m).toMatchObject({ balance: -30, debt: 30 })
    await order(host, id, 5_000)
    m = await member(host, id)
    expect(m).toMatchObject({ balance: 20, debt: 0 })
    expect(invariantHolds(m)).toBe(true)
    expect((await host.json(await host.http.get(`${base}/verify`))).ok).toBe(true)
  })

  it('forgives the shortfall when allowDebt is off', async () => {
    await host.host!.configure('points-membership', { allowDebt: false })
    try {
      const id = await host.customer()
      const orderId = await order(host, id, 10_000, {}, daysAgo(host, 8))
      expect((await spend(host, id, 80, 'k1')).status).toBe(201)
      await refund(host, id, orderId, 10_000)
      expect(await member(host, id)).toMatchObject({ balance: 0, debt: 0 })
    } finally {
      await host.host!.configure('points-membership', { categoryMultipliers: { tea: 2 } })
    }
  })

  it('records who adjusted and why', async () => {
    const id = await memberWith(host, 0)
    const res = await adjust(host, id, 30, 'compensation for late delivery')
    expect(res.status).toBe(201)
    const { entry } = await host.json(res)
    expect(entry).toMatchObject({ kind: 'adjust', delta: 30, reason: 'compensation for late delivery' })
    const down = await adjust(host, id, -10, 'correction')
    expect((await host.json(down)).entry).toMatchObject({ delta: -10, balanceAfter: 20 })
    expect((await host.http.get(`/api/v1/customers/${id}/explain?field=points.balance`)).status).toBe(200)
  })

  it('returns the first result for a repeated key and refuses a different request under it', async () => {
    const id = await memberWith(host, 100)
    const first = await spend(host, id, 30, 'pos-1')
    const again = await spend(host, id, 30, 'pos-1')
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    const [a, b] = [await host.json(first), await host.json(again)]
    expect(b).toEqual({ ...a, repeated: true })
    const other = await spend(host, id, 31, 'pos-1')
    expect(other.status).toBe(409)
    expect((await host.json(other)).error.code).toBe('POINTS_KEY_REUSED')
    expect((await member(host, id)).balance).toBe(70)
  })

  it.each([
    ['negative points', { points: -5, idempotencyKey: 'k' }, 400, 'REQUEST_INVALID'],
    ['fractional points', { points: 1.5, idempotencyKey: 'k' }, 400, 'REQUEST_INVALID'],
    ['zero points', { points: 0, idempotencyKey: 'k' }, 400, 'REQUEST_INVALID'],
    ['no key', { points: 5 }, 400, 'REQUEST_INVALID'],
    ['more than the balance', { points: 101, idempotencyKey: 'k' }, 409, 'POINTS_INSUFFICIENT_BALANCE'],
    ['over the configured limit', { points: 2_000_000, idempotencyKey: 'k' }, 422, 'POINTS_AMOUNT_OVER_LIMIT'],
  ])('refuses a spend of %s with a coded 4xx and no change', async (_name, body, status, code) => {
    const id = await memberWith(host, 100)
    const before = await snapshot(host, id)
    const res = await host.http.post(`${base}/members/${id}/spends`, body)
    expect(res.status).toBe(status)
    expect((await host.json(res)).error.code).toBe(code)
    expect(await snapshot(host, id)).toEqual(before)
  })

  it.each([
    ['no reason', { points: 5 }, 400, 'REQUEST_INVALID'],
    ['a blank reason', { points: 5, reason: '   ' }, 400, 'REQUEST_INVALID'],
    ['zero points', { points: 0, reason: 'nothing' }, 400, 'REQUEST_INVALID'],
    ['fractional points', { points: 2.5, reason: 'half' }, 400, 'REQUEST_INVALID'],
    ['a debit beyond the balance', { points: -101, reason: 'too much' }, 409, 'POINTS_INSUFFICIENT_BALANCE'],
    ['over the configured limit', { points: 1_000_001, reason: 'too much' }, 422, 'POINTS_AMOUNT_OVER_LIMIT'],
  ])('refuses an adjustment with %s with a coded 4xx and no change', async (_name, body, status, code) => {
    const id = await memberWith(host, 100)
    const before = await snapshot(host, id)
    const res = await host.http.post(`${base}/members/${id}/adjustments`, body)
    expect(res.status).toBe(status)
    expect((await host.json(res)).error.code).toBe(code)
    expect(await snapshot(host, id)).toEqual(before)
  })

  it('answers 404 POINTS_MEMBER_NOT_FOUND for a non-member', async () => {
    const id = await host.customer()
    const res = await spend(host, id, 1, 'k')
    expect(res.status).toBe(404)
    expect((await host.json(res)).error.code).toBe('POINTS_MEMBER_NOT_FOUND')
  })

  it('neither earns nor spends while suspended, and resumes when reactivated', async () => {
    const id = await memberWith(host, 100)
    const patch = (status: string) => host.http.patch(`${base}/members/${id}`, { status })
    expect((await patch('suspended')).status).toBe(200)
    const before = await snapshot(host, id)
    const res = await spend(host, id, 10, 'while-suspended')
    expect(res.status).toBe(409)
    expect((await host.json(res)).error.code).toBe('POINTS_MEMBER_NOT_ACTIVE')
    await order(host, id, 10_000)
    expect(await snapshot(host, id)).toEqual(before)
    expect((await patch('active')).status).toBe(200)
    expect((await spend(host, id, 10, 'after')).status).toBe(201)
    expect((await host.http.patch(`${base}/members/nobody`, { status: 'closed' })).status).toBe(404)
  })

  it('explains points.balance with the ledger event behind it', async () => {
    const id = await memberWith(host, 100)
    await spend(host, id, 30, 'k1')
    const body = await host.json(await host.http.get(`/api/v1/customers/${id}/explain?field=points.balance`))
    expect(body.value).toBe(70)
    expect(body.changes.at(-1)).toMatchObject({ source: { kind: 'plugin', id: 'spend' }, event: { type: 'points.spent' } })
  })

  it('enrols explicitly, once', async () => {
    const id = await host.customer()
    const first = await host.http.post(`${base}/members`, { customerId: id })
    const again = await host.http.post(`${base}/members`, { customerId: id })
    expect([first.status, again.status]).toEqual([201, 200])
    expect((await host.json(again)).memberNo).toBe((await host.json(first)).memberNo)
    expect((await host.profile(id))['points.memberSince']).toBeTruthy()
  })

  it('refuses to enrol, preview for, adjust or spend for a customer who does not exist: 404, nothing stored', async () => {
    const nobody = 'cus_does_not_exist'
    const enrol = await host.http.post(`${base}/members`, { customerId: nobody })
    expect(enrol.status).toBe(404)
    expect((await host.json(enrol)).error).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', details: { customerId: nobody } })
    const preview = await host.http.post(`${base}/preview`, { amountMinor: 10_000, currency: 'CNY', customerId: nobody })
    expect(preview.status).toBe(404)
    expect((await host.json(preview)).error.code).toBe('CUSTOMER_NOT_FOUND')
    for (const res of [await adjust(host, nobody, 50), await spend(host, nobody, 1, 'nobody')]) {
      expect(res.status).toBe(404)
      expect((await host.json(res)).error.code).toBe('POINTS_MEMBER_NOT_FOUND')
    }
    expect((await host.http.get(`${base}/members/${nobody}`)).status).toBe(404)
    expect((await host.json(await host.http.get(`${base}/members`))).items).toEqual([])
    expect((await host.json(await host.http.get('/api/v1/events?limit=200'))).items.filter((e: { type: string }) => e.type.startsWith('points.'))).toEqual([])
  })

  it('expires lots past their expiry with the daily job', async () => {
    const id = await host.customer()
    await order(host, id, 4_000, {}, daysAgo(host, 366))
    // Past its expiry, the lot no longer counts, even before the job has run.
    expect(await member(host, id)).toMatchObject({ balance: 0, available: 0, pending: 0 })
    await host.runJob('points-membership:expire-points')
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 0 })
    expect(m.entries[0]).toMatchObject({ kind: 'expire', delta: -40 })
    expect(invariantHolds(m)).toBe(true)
  })

  it('refreshes points.expiringSoon daily as lots come within the horizon', async () => {
    const id = await host.customer()
    await order(host, id, 4_000, {}, daysAgo(host, 330))
    expect((await host.profile(id))['points.expiringSoon']).toBe(0)
    await travel(host, 6 * DAY)
    await host.runJob('points-membership:refresh-expiring-soon')
    expect((await host.profile(id))['points.expiringSoon']).toBe(40)
  })

  it('previews what an order would earn and why, and refuses another currency', async () => {
    const res = await host.http.post(`${base}/preview`, { amountMinor: 10_000, currency: 'CNY', items: [{ sku: 'T', category: 'tea', quantity: 2, unitPriceMinor: 5_000 }] })
    expect(res.status).toBe(200)
    expect(await host.json(res)).toMatchObject({ points: 200, lines: [{ rule: 'base', points: 100 }, { rule: 'category', points: 100 }] })
    const usd = await host.http.post(`${base}/preview`, { amountMinor: 10_000, currency: 'USD' })
    expect(usd.status).toBe(422)
    expect((await host.json(usd)).error.code).toBe('POINTS_CURRENCY_MISMATCH')
  })
})
