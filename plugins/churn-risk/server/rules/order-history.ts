/**
 * @module
 * Pure rules keeping the order history the purchase rhythm reads: orders, net spend, currency,
 * first and last order. Orders may arrive out of order (imports): first and last are the
 * earliest and latest seen.
 */
import { rule } from '@rapport/plugin-sdk'

const earlier = (a: string, b: unknown) => typeof b !== 'string' || Date.parse(a) < Date.parse(b)
const later = (a: string, b: unknown) => typeof b !== 'string' || Date.parse(a) > Date.parse(b)

export const orderHistory = rule({
  id: 'order-history', version: 1, on: 'order.completed',
  apply: (e, profile) => ({
    'churnRisk.orders': { add: 1 },
    'churnRisk.spentMinor': { add: e.payload.amountMinor },
    'churnRisk.currency': { set: e.payload.currency },
    ...(earlier(e.occurredAt, profile['churnRisk.firstOrderAt']) ? { 'churnRisk.firstOrderAt': { set: e.occurredAt } } : {}),
    ...(later(e.occurredAt, profile['churnRisk.lastOrderAt']) ? { 'churnRisk.lastOrderAt': { set: e.occurredAt } } : {}),
  }),
})

export const refundedSpend = rule({
  id: 'refunded-spend', version: 1, on: 'order.refunded',
  apply: (e) => ({ 'churnRisk.spentMinor': { add: -e.payload.amountMinor } }),
})
