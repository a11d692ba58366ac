/**
 * @module
 * Keeps tiering's copy of an order. A repeated order id changes nothing. The customer's
 * aggregates are read off their orders when they are evaluated (`customer-totals.ts`).
 */
import type { Queryable } from '@rapport/plugin-sdk'

export type OrderInput = { orderId: string; customerId: string; amountMinor: number; currency: string; occurredAt: string }

const INSERT_ORDER = `INSERT INTO tiering_orders (order_id, customer_id, amount_minor, refunded_minor, currency, occurred_at)
  VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (order_id) DO NOTHING`

/**
 * @returns false when the order was already recorded
 * @example if (await recordOrder(tx, { orderId, customerId, amountMinor, currency, occurredAt })) await evaluate()
 */
export async function recordOrder(tx: Queryable, o: OrderInput): Promise<boolean> {
  const inserted = await tx.run(INSERT_ORDER, [o.orderId, o.customerId, o.amountMinor, o.currency, o.occurredAt])
  return inserted.changes > 0
}
