import { describe, expect, it } from 'vitest'
import { pointsConfig } from '../server/config.js'
import { calculateEarning } from '../server/earning/calculate-earning.js'
import { revocationFor } from '../server/earning/order-store.js'

const config = pointsConfig.parse({ categoryMultipliers: { tea: 2, gift: 1.5 }, caps: { perDay: 500, perCustomer: 10_000 } })
const item = (sku: string, unitPriceMinor: number, category?: string, quantity = 1) => ({ sku, quantity, unitPriceMinor, ...(category ? { category } : {}) })

describe('what an order earns (pure, no database)', () => {
  it.each([
    ['1 point per yuan', { amountMinor: 12_900 }, {}, 129],
    ['fractions round down once', { amountMinor: 12_999 }, {}, 129],
    ['nothing for 0', { amountMinor: 0 }, {}, 0],
    ['tea earns double', { amountMinor: 10_000, items: [item('T', 10_000, 'tea')] }, {}, 200],
    ['unknown categories count once', { amountMinor: 10_000, items: [item('X', 10_000, 'other')] }, {}, 100],
    ['discounts spread over lines', { amountMinor: 5_000, items: [item('T', 5_000, 'tea'), item('C', 5_000)] }, {}, 75],
    ['gift earns 1.5×', { amountMinor: 1_000, items: [item('G', 500, 'gift', 2)] }, {}, 15],
    ['a tier multiplier applies last', { amountMinor: 10_000, items: [item('T', 10_000, 'tea')] }, { tierMultiplier: 1.5 }, 300],
    ['the daily cap', { amountMinor: 100_000 }, { earnedToday: 200 }, 300],
    ['the daily cap when reached', { amountMinor: 100_000 }, { earnedToday: 600 }, 0],
    ['the per-customer cap', { amountMinor: 40_000 }, { earnedLifetime: 9_900 }, 100],
  ])('%s', (_name, order, context, points) => {
    expect(calculateEarning({ currency: 'CNY', ...order }, config, context).points).toBe(points)
  })

  it('explains each reason', () => {
    const { lines } = calculateEarning({ currency: 'CNY', amountMinor: 100_000, items: [item('T', 100_000, 'tea')] }, config, { tierMultiplier: 2 })
    expect(lines.map((l) => [l.rule, l.points])).toEqual([['base', 1_000], ['category', 1_000], ['tier', 2_000], ['cap-day', -3_500]])
  })

  it('ignores an unusable tier multiplier', () => {
    expect(calculateEarning({ currency: 'CNY', amountMinor: 10_000 }, config, { tierMultiplier: 0 }).points).toBe(100)
  })
})

describe('what a refund revokes (pure)', () => {
  const order = { amountMinor: 10_000, pointsEarned: 99, refundedMinor: 0, pointsRevoked: 0 }
  it.each([
    ['a quarter', order, 2_500, 24],
    ['the rest after a quarter', { ...order, refundedMinor: 2_500, pointsRevoked: 24 }, 7_500, 75],
    ['all at once', order, 10_000, 99],
    ['no more than the order', order, 50_000, 99],
    ['nothing once all is revoked', { ...order, refundedMinor: 10_000, pointsRevoked: 99 }, 100, 0],
    ['nothing for a tiny refund', order, 50, 0],
  ])('%s', (_name, o, refund, points) => {
    expect(revocationFor(o, refund).points).toBe(points)
  })
})
