/**
 * @module
 * Applies a refund to tiering's copy of the order (never beyond its amount) and to the
 * customer's lifetime spend. A refund of an order tiering never saw only lowers the spend.
 */
import type { Queryable } from '@rapport/plugin-sdk'

export type RefundInput = { orderId: string; customerId: string; amountMinor: number }

const ORDER = 'SELECT amount_minor, refunded_minor FROM tiering_orders WHERE order_id = ? AND customer_id = ?'
const REFUND_ORDER = 'UPDATE tiering_orders SET refunded_minor = refunded_minor + ? WHERE order_id = ?'
const LOWER_SPEND = 'UPDATE tiering_customers SET spend_minor = spend_minor - ? WHERE customer_id = ?'

/**
 * @returns the amount actually taken off, 0 when the customer has no tiering record
 * @example await recordRefund(tx, { orderId: 'o1', customerId, amountMinor: 500 })
 */
export async function recordRefund(tx: Queryable, r: RefundInput): Promise<number> {
  const order = await tx.get<{ amount_minor: number; refunded_minor: number }>(ORDER, [r.orderId, r.customerId])
  const amount = order ? Math.max(0, Math.min(r.amountMinor, order.amount_minor - order.refunded_minor)) : Math.max(0, r.amountMinor)
  if (order && amount > 0) await tx.run(REFUND_ORDER, [amount, r.orderId])
  const lowered = await tx.run(LOWER_SPEND, [amount, r.customerId])
  return lowered.changes === 0 ? 0 : amount
}
