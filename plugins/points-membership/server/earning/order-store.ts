/**
 * @module
 * The orders that earned points, so a refund revokes in proportion to what its order earned.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** One order as points-membership remembers it. */
export type EarnedOrder = {
  orderId: string; customerId: string; amountMinor: number; currency: string; pointsEarned: number; refundedMinor: number; pointsRevoked: number
}

type Row = { order_id: string; customer_id: string; amount_minor: number; currency: string; points_earned: number; refunded_minor: number; points_revoked: number }

const SELECT = 'SELECT order_id, customer_id, amount_minor, currency, points_earned, refunded_minor, points_revoked FROM points_orders WHERE order_id = ?'
const INSERT = `INSERT INTO points_orders (order_id, customer_id, amount_minor, currency, points_earned, refunded_minor, points_revoked, created_at)
  VALUES (?, ?, ?, ?, ?, 0, 0, ?) ON CONFLICT (order_id) DO NOTHING`
const REFUND = 'UPDATE points_orders SET refunded_minor = ?, points_revoked = ? WHERE order_id = ?'
const EARNED_SINCE = "SELECT COALESCE(SUM(points), 0) AS n FROM points_ledger WHERE customer_id = ? AND kind = 'earn' AND occurred_at >= ? AND occurred_at < ?"
const EARNED_EVER = "SELECT COALESCE(SUM(points), 0) AS n FROM points_ledger WHERE customer_id = ? AND kind = 'earn'"

/** @example const order = await findOrder(tx, 'o1') */
export async function findOrder(q: Queryable, orderId: string): Promise<EarnedOrder | undefined> {
  const r = await q.get<Row>(SELECT, [orderId])
  return r && {
    orderId: r.order_id, customerId: r.customer_id, amountMinor: Number(r.amount_minor), currency: r.currency,
    pointsEarned: Number(r.points_earned), refundedMinor: Number(r.refunded_minor), pointsRevoked: Number(r.points_revoked),
  }
}

/**
 * Records an order unless it is already known.
 * @returns true when this call inserted it (false: a repeat of a known order)
 * @example if (!(await insertOrder(tx, { orderId: 'o1', customerId, amountMinor: 100, currency: 'CNY', pointsEarned: 1 }, at))) return
 */
export async function insertOrder(tx: Queryable, o: Omit<EarnedOrder, 'refundedMinor' | 'pointsRevoked'>, at: string): Promise<boolean> {
  return (await tx.run(INSERT, [o.orderId, o.customerId, o.amountMinor, o.currency, o.pointsEarned, at])).changes === 1
}

/** @example await recordRefund(tx, 'o1', 5_000, 50) */
export async function recordRefund(tx: Queryable, orderId: string, refundedMinor: number, pointsRevoked: number): Promise<void> {
  await tx.run(REFUND, [refundedMinor, pointsRevoked, orderId])
}

/** Points earned from orders on `occurredAt`'s UTC day, and ever (for the caps). @example await earnedSoFar(tx, id, occurredAt) */
export async function earnedSoFar(q: Queryable, customerId: string, occurredAt: string): Promise<{ earnedToday: number; earnedLifetime: number }> {
  const day = occurredAt.slice(0, 10)
  const start = `${day}T00:00:00.000Z`
  const end = new Date(Date.parse(start) + 86_400_000).toISOString()
  const today = await q.get<{ n: number }>(EARNED_SINCE, [customerId, start, end])
  const ever = await q.get<{ n: number }>(EARNED_EVER, [customerId])
  return { earnedToday: Number(today?.n ?? 0), earnedLifetime: Number(ever?.n ?? 0) }
}

/**
 * Points to revoke now so that, in total, revoked / earned = refunded / amount (rounded down;
 * a full refund revokes everything).
 * @example revocationFor({ amountMinor: 10_000, pointsEarned: 100, refundedMinor: 0, pointsRevoked: 0 }, 2_500) // { points: 25, refundedMinor: 2_500 }
 */
export function revocationFor(order: Pick<EarnedOrder, 'amountMinor' | 'pointsEarned' | 'refundedMinor' | 'pointsRevoked'>, refundMinor: number): { points: number; refundedMinor: number } {
  const refundedMinor = Math.min(order.amountMinor, order.refundedMinor + Math.max(0, refundMinor))
  const target = order.amountMinor === 0 ? order.pointsEarned : Math.floor((order.pointsEarned * refundedMinor) / order.amountMinor)
  return { points: Math.max(0, target - order.pointsRevoked), refundedMinor }
}
