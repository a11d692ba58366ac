/**
 * @module
 * One customer's orders and net spend in the RFM window (fully refunded orders do not count),
 * stored on their row so the population queries see them.
 */
import type { Queryable } from '@rapport/plugin-sdk'

const TOTALS = `SELECT COUNT(*) AS orders, COALESCE(SUM(amount_minor - refunded_minor), 0) AS spend
  FROM tiering_orders WHERE customer_id = ? AND occurred_at >= ? AND amount_minor > refunded_minor`
const STORE = 'UPDATE tiering_customers SET window_orders = ?, window_spend_minor = ? WHERE customer_id = ?'

/** @example const { orders, spendMinor } = await refreshWindowTotals(tx, customerId, windowStart(now, 365)) */
export async function refreshWindowTotals(tx: Queryable, customerId: string, since: string): Promise<{ orders: number; spendMinor: number }> {
  const row = await tx.get<{ orders: number; spend: number }>(TOTALS, [customerId, since])
  const totals = { orders: Number(row?.orders ?? 0), spendMinor: Number(row?.spend ?? 0) }
  await tx.run(STORE, [totals.orders, totals.spendMinor, customerId])
  return totals
}
