import { describe, expect, it } from 'vitest'
import { config } from '../server/config.js'
import { churnScore } from '../server/model/churn-score.js'
import { purchaseRhythm, typicalGapDays } from '../server/model/purchase-rhythm.js'
import { satisfactionLevel } from '../server/scoring/inputs-of.js'
import { orderHistory } from '../server/rules/order-history.js'
import { tierDowngrade } from '../server/rules/tier-downgrade.js'

const c = config.parse({})
const NOW = new Date('2026-06-01T00:00:00.000Z')
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString()
const event = (type: string, payload: Record<string, unknown>, occurredAt = NOW.toISOString()) =>
  ({ id: 'e', seq: 1, type, customerId: 'c', payload, occurredAt, recordedAt: occurredAt }) as never

describe('purchase rhythm', () => {
  it.each([
    // orders, span in days, typical gap: (2·30 + span) / (2 + orders − 1)
    [1, 0, 30],
    [2, 10, 70 / 3],
    [11, 100, 160 / 12],
    [3, 300, 90],
  ])('%i orders over %i days give a typical gap of %f days', (orders, span, gap) => {
    expect(typicalGapDays({ orders, firstOrderAt: daysAgo(span), lastOrderAt: daysAgo(0) }, c.model)).toBeCloseTo(gap, 6)
  })

  it('is undefined without an order', () => {
    expect(purchaseRhythm({ orders: 0 }, NOW, c.model)).toBeUndefined()
  })

  it('falls with silence measured in the customer’s own gaps, and less for a loyal customer', () => {
    const p = (orders: number, silence: number) => purchaseRhythm({ orders, firstOrderAt: daysAgo(silence + (orders - 1) * 30), lastOrderAt: daysAgo(silence) }, NOW, c.model)!.pActive
    expect(p(5, 0)).toBeGreaterThan(p(5, 30))
    expect(p(5, 30)).toBeGreaterThan(p(5, 120))
    expect(p(20, 60)).toBeGreaterThan(p(2, 60))
    // q = 1 / (1 + 4 + 2 − 1) = 1/6 for two orders; on the day of the order P = 1 − q.
    expect(p(2, 0)).toBeCloseTo(5 / 6, 6)
  })
})

describe('the score', () => {
  it('adds the four parts and caps at 100, with bands at 35 and 60', () => {
    const base = { orders: 4, firstOrderAt: daysAgo(400), lastOrderAt: daysAgo(310), spentMinor: 40_000 }
    const all = churnScore({ ...base, satisfaction: 2, satisfactionPeak: 9, openComplaints: 3, lastDowngradeAt: daysAgo(10) }, NOW, c)
    expect(all.parts).toEqual({ rhythm: 75, satisfaction: 15, complaints: 15, tierDowngrade: 10 })
    expect(all.score).toBe(100)
    expect(all.band).toBe('high')
    const fresh = churnScore({ ...base, lastOrderAt: daysAgo(0) }, NOW, c)
    expect(fresh.band).toBe('low')
    expect(fresh.parts.satisfaction + fresh.parts.complaints + fresh.parts.tierDowngrade).toBe(0)
  })

  it.each([[9, 9, 0], [9, 6.5, 8], [9, 4, 15], [undefined, 3, 0]])('satisfaction from a peak of %s to %s gives %i points', (peak, now, points) => {
    const inputs = { orders: 0, spentMinor: 0, satisfaction: now, ...(peak === undefined ? {} : { satisfactionPeak: peak }) }
    expect(churnScore(inputs, NOW, c).parts.satisfaction).toBe(points)
  })

  it('counts a downgrade only within its window', () => {
    expect(churnScore({ orders: 0, spentMinor: 0, lastDowngradeAt: daysAgo(89) }, NOW, c).parts.tierDowngrade).toBe(10)
    expect(churnScore({ orders: 0, spentMinor: 0, lastDowngradeAt: daysAgo(91) }, NOW, c).parts.tierDowngrade).toBe(0)
  })

  it('puts the revenue at stake at the average order times the orders expected per period', () => {
    // 3 orders over 60 days: gap (60 + 60) / 4 = 30 days, 3 orders per 90 days of 10 000 on average.
    const r = churnScore({ orders: 3, firstOrderAt: daysAgo(60), lastOrderAt: daysAgo(0), spentMinor: 30_000 }, NOW, c)
    expect(r.revenueAtStakeMinor).toBe(30_000)
  })

  it.each([[{ 'satisfaction.lastNps': 7, 'satisfaction.avgCsat': 1 }, 7], [{ 'satisfaction.avgCsat': 5 }, 10], [{ 'satisfaction.avgCsat': 3 }, 5], [{}, undefined]])(
    'reads satisfaction %j as %s on 0–10', (profile, level) => expect(satisfactionLevel(profile)).toBe(level),
  )
})

describe('rules', () => {
  it('keep the earliest and latest order and the net spend', () => {
    const first = orderHistory.apply(event('order.completed', { orderId: 'a', amountMinor: 500, currency: 'CNY' }, daysAgo(5)), {}, c)
    expect(first).toEqual({
      'churnRisk.orders': { add: 1 }, 'churnRisk.spentMinor': { add: 500 }, 'churnRisk.currency': { set: 'CNY' },
      'churnRisk.firstOrderAt': { set: daysAgo(5) }, 'churnRisk.lastOrderAt': { set: daysAgo(5) },
    })
    const older = orderHistory.apply(event('order.completed', { orderId: 'b', amountMinor: 100, currency: 'CNY' }, daysAgo(9)), { 'churnRisk.firstOrderAt': daysAgo(5), 'churnRisk.lastOrderAt': daysAgo(5) }, c)
    expect(older['churnRisk.firstOrderAt']).toEqual({ set: daysAgo(9) })
    expect(older['churnRisk.lastOrderAt']).toBeUndefined()
  })

  it.each([['downgrade', { 'churnRisk.lastDowngradeAt': { set: NOW.toISOString() } }], ['upgrade', { 'churnRisk.lastDowngradeAt': { unset: true } }], ['initial', {}]])(
    'a tier change for %s gives %j', (reason, changes) => expect(tierDowngrade.apply(event('tier.changed', { reason }), {}, c)).toEqual(changes),
  )
})
