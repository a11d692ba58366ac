/**
 * @module
 * Keeps tiering's copy of an order and the customer's lifetime aggregates (orders, spend, first
 * and last order, average gap between orders). A repeated order id changes nothing.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { DAY_MS, dayNumber } from './days.js'

export type OrderInput = { orderId: string; customerId: string; amountMinor: number; currency: string; occurredAt: string }

const INSERT_ORDER = `INSERT INTO tiering_orders (order_id, customer_id, amount_minor, refunded_minor, currency, occurred_at)
  VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (order_id) DO NOTHING`
const UPSERT_CUSTOMER = `INSERT INTO tiering_customers (customer_id, orders, spend_minor, first_order_at, last_order_at, last_order_day, window_orders, window_spend_minor)
  VALUES (?, 1, ?, ?, ?, ?, 0, 0)
  ON CONFLICT (customer_id) DO UPDATE SET
    orders = tiering_customers.orders + 1,
    spend_minor = tiering_customers.spend_minor + excluded.spend_minor,
    first_order_at = CASE WHEN tiering_customers.first_order_at IS NULL OR excluded.first_order_at < tiering_customers.first_order_at THEN excluded.first_order_at ELSE tiering_customers.first_order_at END,
    last_order_at = CASE WHEN tiering_customers.last_order_at IS NULL OR excluded.last_order_at > tiering_customers.last_order_at THEN excluded.last_order_at ELSE tiering_customers.last_order_at END`
const GAP = 'SELECT orders, first_order_at, last_order_at FROM tiering_customers WHERE customer_id = ?'
const SET_GAP = 'UPDATE tiering_customers SET avg_gap_days = ?, last_order_day = ? WHERE customer_id = ?'

/**
 * @returns false when the order was already recorded
 * @example if (await recordOrder(tx, { orderId, customerId, amountMinor, currency, occurredAt })) await evaluate()
 */
export async function recordOrder(tx: Queryable, o: OrderInput): Promise<boolean> {
  const inserted = await tx.run(INSERT_ORDER, [o.orderId, o.customerId, o.amountMinor, o.currency, o.occurredAt])
  if (inserted.changes === 0) return false
  await tx.run(UPSERT_CUSTOMER, [o.customerId, o.amountMinor, o.occurredAt, o.occurredAt, dayNumber(o.occurredAt)])
  const row = await tx.get<{ orders: number; first_order_at: string; last_order_at: string }>(GAP, [o.customerId])
  if (!row) return true
  const span = (Date.parse(row.last_order_at) - Date.parse(row.first_order_at)) / DAY_MS
  const gap = row.orders >= 2 ? span / (row.orders - 1) : null
  await tx.run(SET_GAP, [gap, dayNumber(row.last_order_at), o.customerId])
  return true
}
