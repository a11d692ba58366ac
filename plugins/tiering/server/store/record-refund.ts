/**
 * @module
 * Applies a refund to tiering's copy of the order, never beyond its amount. An order refunded in
 * full then counts for none of the customer's values (`COUNTED` in `customer-totals.ts`).
 */
import type { Queryable } from '@rapport/plugin-sdk'

export type RefundInput = { orderId: string; customerId: string; amountMinor: number }

const REFUND_ORDER = `UPDATE tiering_orders SET refunded_minor = CASE WHEN refunded_minor + ? > amount_minor THEN amount_minor ELSE refunded_minor + ? END
  WHERE order_id = ? AND customer_id = ? AND refunded_minor < amount_minor`

/**
 * @returns whether the refund changed one of the customer's orders (false for an order tiering never saw, or one already refunded in full)
 * @example if (await recordRefund(tx, { orderId: 'o1', customerId, amountMinor: 500 })) await evaluate()
 */
export async function recordRefund(tx: Queryable, r: RefundInput): Promise<boolean> {
  const amount = Math.max(0, r.amountMinor)
  if (amount === 0) return false
  return (await tx.run(REFUND_ORDER, [amount, amount, r.orderId, r.customerId])).changes > 0
}
