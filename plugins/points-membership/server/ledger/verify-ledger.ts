/**
 * @module
 * Checks the ledger invariant for every member in SQL: the stored balance equals
 * `Σ lot remainders − debt` and `Σ entry deltas`, the debt equals `Σ entry debt deltas`, and no
 * lot holds less than 0 or more than it was credited.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** One member whose numbers disagree. */
export type Mismatch = { customerId: string; balance: number; debt: number; lotRemaining: number; ledgerDelta: number; ledgerDebt: number; badLots: number }

const MISMATCHES = `
SELECT m.customer_id, m.balance, m.debt,
  COALESCE(l.remaining, 0) AS lot_remaining, COALESCE(l.bad, 0) AS bad_lots,
  COALESCE(e.delta, 0) AS ledger_delta, COALESCE(e.debt, 0) AS ledger_debt
FROM points_members m
LEFT JOIN (SELECT customer_id, SUM(remaining) AS remaining,
    SUM(CASE WHEN remaining < 0 OR remaining > points THEN 1 ELSE 0 END) AS bad
  FROM points_lots GROUP BY customer_id) l ON l.customer_id = m.customer_id
LEFT JOIN (SELECT customer_id, SUM(delta) AS delta, SUM(debt_delta) AS debt FROM points_ledger GROUP BY customer_id) e ON e.customer_id = m.customer_id
WHERE m.balance <> COALESCE(l.remaining, 0) - m.debt OR m.balance <> COALESCE(e.delta, 0)
  OR m.debt <> COALESCE(e.debt, 0) OR m.debt < 0 OR COALESCE(l.bad, 0) > 0
ORDER BY m.customer_id`
const COUNT = 'SELECT COUNT(*) AS n FROM points_members'

type Row = { customer_id: string; balance: number; debt: number; lot_remaining: number; bad_lots: number; ledger_delta: number; ledger_debt: number }

/**
 * @example const { members, mismatches } = await verifyLedger(ctx.db) // mismatches: [] when sound
 */
export async function verifyLedger(q: Queryable): Promise<{ members: number; mismatches: Mismatch[] }> {
  const members = Number((await q.get<{ n: number }>(COUNT))?.n ?? 0)
  const rows = await q.all<Row>(MISMATCHES)
  return {
    members,
    mismatches: rows.map((r) => ({
      customerId: r.customer_id, balance: Number(r.balance), debt: Number(r.debt), lotRemaining: Number(r.lot_remaining),
      ledgerDelta: Number(r.ledger_delta), ledgerDebt: Number(r.ledger_debt), badLots: Number(r.bad_lots),
    })),
  }
}
