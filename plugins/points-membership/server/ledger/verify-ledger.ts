/**
 * @module
 * Checks the ledger invariant for every member in SQL (two aggregate queries, never a loop over
 * members): the stored balance equals `Σ lot remainders − debt` and `Σ entry deltas`, the debt
 * equals `Σ entry debt deltas`, lifetime earned equals what the ledger credited less what it
 * revoked, and no lot holds less than 0 or more than it was credited.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** One member whose numbers disagree. */
export type Mismatch = {
  customerId: string; balance: number; debt: number; lifetimeEarned: number
  lotRemaining: number; ledgerDelta: number; ledgerDebt: number; ledgerLifetime: number; badLots: number
}

/** What the check found, with the totals it covered. */
export type VerifyReport = { members: number; balance: number; debt: number; mismatches: Mismatch[] }

const MISMATCHES = `
SELECT m.customer_id, m.balance, m.debt, m.lifetime_earned,
  COALESCE(l.remaining, 0) AS lot_remaining, COALESCE(l.bad, 0) AS bad_lots,
  COALESCE(e.delta, 0) AS ledger_delta, COALESCE(e.debt, 0) AS ledger_debt, COALESCE(e.lifetime, 0) AS ledger_lifetime
FROM points_members m
LEFT JOIN (SELECT customer_id, SUM(remaining) AS remaining,
    SUM(CASE WHEN remaining < 0 OR remaining > points THEN 1 ELSE 0 END) AS bad
  FROM points_lots GROUP BY customer_id) l ON l.customer_id = m.customer_id
LEFT JOIN (SELECT customer_id, SUM(delta) AS delta, SUM(debt_delta) AS debt,
    SUM(CASE WHEN kind = 'earn' OR (kind = 'adjust' AND delta > 0) THEN points WHEN kind = 'revoke' THEN -points ELSE 0 END) AS lifetime
  FROM points_ledger GROUP BY customer_id) e ON e.customer_id = m.customer_id
WHERE m.balance <> COALESCE(l.remaining, 0) - m.debt OR m.balance <> COALESCE(e.delta, 0)
  OR m.debt <> COALESCE(e.debt, 0) OR m.debt < 0 OR COALESCE(l.bad, 0) > 0
  OR m.lifetime_earned <> COALESCE(e.lifetime, 0)
ORDER BY m.customer_id`
const TOTALS = 'SELECT COUNT(*) AS n, COALESCE(SUM(balance), 0) AS balance, COALESCE(SUM(debt), 0) AS debt FROM points_members'

type Row = {
  customer_id: string; balance: number; debt: number; lifetime_earned: number
  lot_remaining: number; bad_lots: number; ledger_delta: number; ledger_debt: number; ledger_lifetime: number
}

/**
 * @example const { members, mismatches } = await verifyLedger(ctx.db) // mismatches: [] when sound
 */
export async function verifyLedger(q: Queryable): Promise<VerifyReport> {
  const totals = await q.get<{ n: number; balance: number; debt: number }>(TOTALS)
  const rows = await q.all<Row>(MISMATCHES)
  return {
    members: Number(totals?.n ?? 0), balance: Number(totals?.balance ?? 0), debt: Number(totals?.debt ?? 0),
    mismatches: rows.map((r) => ({
      customerId: r.customer_id, balance: Number(r.balance), debt: Number(r.debt), lifetimeEarned: Number(r.lifetime_earned),
      lotRemaining: Number(r.lot_remaining), ledgerDelta: Number(r.ledger_delta), ledgerDebt: Number(r.ledger_debt),
      ledgerLifetime: Number(r.ledger_lifetime), badLots: Number(r.bad_lots),
    })),
  }
}
