/**
 * @module
 * A member's statement for a period: the opening balance (what occurred before it), every
 * entry in it, and the closing balance, with the period's totals computed in SQL. Rows are in
 * the order things occurred (then recorded), and each row's `balanceAfter` is the running
 * balance in that same order, from the opening balance to the closing one: the stored
 * `balanceAfter` follows the order entries were recorded in, which differs when an order is
 * recorded after later ones occurred (an import, a late till).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { type LedgerEntry, entriesBetween } from '../ledger/entry-store.js'

// The sum of what occurred before, not the last entry's balance: orders may be recorded after later ones occurred.
const OPENING = 'SELECT COALESCE(SUM(delta), 0) AS n FROM points_ledger WHERE customer_id = ? AND occurred_at < ?'
const TOTALS = `SELECT COALESCE(SUM(CASE WHEN delta > 0 THEN delta ELSE 0 END), 0) AS credits, COALESCE(SUM(CASE WHEN delta < 0 THEN -delta ELSE 0 END), 0) AS debits
  FROM points_ledger WHERE customer_id = ? AND occurred_at >= ? AND occurred_at < ?`

/** The statement. */
export type Statement = { from: string; to: string; openingBalance: number; credits: number; debits: number; closingBalance: number; entries: LedgerEntry[] }

/** @example await statement(ctx.db, customerId, { from: '2026-05-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' }) */
export async function statement(q: Queryable, customerId: string, { from, to }: { from: string; to: string }): Promise<Statement> {
  const opening = Number((await q.get<{ n: number }>(OPENING, [customerId, from]))?.n ?? 0)
  const totals = await q.get<{ credits: number; debits: number }>(TOTALS, [customerId, from, to])
  const credits = Number(totals?.credits ?? 0)
  const debits = Number(totals?.debits ?? 0)
  let running = opening
  const entries = (await entriesBetween(q, customerId, from, to)).map((e) => ({ ...e, balanceAfter: (running += e.delta) }))
  return { from, to, openingBalance: opening, credits, debits, closingBalance: opening + credits - debits, entries }
}
