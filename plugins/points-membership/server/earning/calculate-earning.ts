/**
 * @module
 * What an order earns, and why: pure, no I/O, so the preview route, the order subscriber and the
 * table tests all share it. Per-line category multipliers apply to each line's share of the paid
 * amount (discounts spread in proportion), then the tier multiplier, then the caps; the total is
 * rounded down once, at the end.
 */
import type { PointsConfig } from '../config.js'
import type { EarningLine } from '../../shared/schemas.js'

/** The order part of `order.completed`. */
export type EarningOrder = {
  amountMinor: number; currency: string
  items?: ReadonlyArray<{ sku: string; category?: string; quantity: number; unitPriceMinor: number }>
}

/** What else the calculation depends on. */
export type EarningContext = {
  /** From `tiering.benefits`; 1 (or absent) while tiering is off. */
  tierMultiplier?: number
  /** Points already earned from orders on the order's UTC day, and ever. */
  earnedToday?: number
  earnedLifetime?: number
}

/** The result: whole points, and one line per reason. */
export type Earning = { points: number; currency: string; lines: EarningLine[] }

type Rules = Pick<PointsConfig, 'currency' | 'minorPerUnit' | 'pointsPerUnit' | 'categoryMultipliers' | 'caps'>

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * @example calculateEarning({ amountMinor: 12_900, currency: 'CNY' }, pointsConfig.parse({})) // { points: 129, lines: [{ rule: 'base', ... }] }
 */
export function calculateEarning(order: EarningOrder, rules: Rules, context: EarningContext = {}): Earning {
  const amount = Math.max(0, order.amountMinor)
  const perMinor = rules.pointsPerUnit / rules.minorPerUnit
  const lines: EarningLine[] = [{ rule: 'base', points: round2(amount * perMinor), detail: `${amount} minor × ${rules.pointsPerUnit} per ${rules.minorPerUnit}` }]
  let exact = amount * perMinor
  const items = order.items ?? []
  const itemsTotal = items.reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0)
  if (itemsTotal > 0) {
    for (const item of items) {
      const multiplier = item.category === undefined ? undefined : rules.categoryMultipliers[item.category]
      if (multiplier === undefined || multiplier === 1) continue
      const share = (item.quantity * item.unitPriceMinor * amount) / itemsTotal
      const bonus = share * perMinor * (multiplier - 1)
      exact += bonus
      lines.push({ rule: 'category', points: round2(bonus), detail: `${item.sku} (${item.category}) × ${multiplier}` })
    }
  }
  const tier = context.tierMultiplier ?? 1
  if (tier !== 1 && Number.isFinite(tier) && tier > 0) {
    const bonus = exact * (tier - 1)
    exact += bonus
    lines.push({ rule: 'tier', points: round2(bonus), detail: `tier × ${tier}` })
  }
  let points = Math.floor(exact + 1e-9)
  const { perDay, perCustomer } = rules.caps
  if (perDay !== undefined) points = cap(points, perDay - (context.earnedToday ?? 0), 'cap-day', `at most ${perDay} a day`, lines)
  if (perCustomer !== undefined) points = cap(points, perCustomer - (context.earnedLifetime ?? 0), 'cap-customer', `at most ${perCustomer} per customer`, lines)
  return { points, currency: order.currency, lines }
}

function cap(points: number, room: number, rule: 'cap-day' | 'cap-customer', detail: string, lines: EarningLine[]): number {
  const allowed = Math.max(0, Math.min(points, room))
  if (allowed < points) lines.push({ rule, points: allowed - points, detail })
  return allowed
}
