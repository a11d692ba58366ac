/**
 * @module
 * Each customer's `tiering_customers` row and the cut points' version, read once per transaction
 * (issue 19). An order reached the row twice (the order's evaluation, then the look after the
 * points it earned) and the version once per evaluation; a group commit carries many orders. The
 * transaction's memo keeps the row as this transaction last wrote it: every write of a customer's
 * row goes through {@link rememberWrite} (its columns and values), a write this module cannot follow
 * (a new row's defaults, a statement over many rows) forgets. A savepoint that rolls back
 * forgets the memo (the host's rule for plain entries). On PostgreSQL the row is remembered only
 * where the profile lock of its customer is held: the order path and the evaluations take it.
 */
import { transactionMemo, type Queryable } from '@rapport/plugin-sdk'
import type { CustomerRow } from './customer-row.js'

const ROWS = 'tiering.rows'
const VERSION = 'tiering.cutPointsVersion'
const ROW = 'SELECT * FROM tiering_customers WHERE customer_id = ?'

const rowsOf = (q: Queryable): Map<string, CustomerRow | undefined> | undefined => {
  const memo = transactionMemo(q)
  if (!memo) return undefined
  let rows = memo.get(ROWS) as Map<string, CustomerRow | undefined> | undefined
  if (!rows) memo.set(ROWS, (rows = new Map()))
  return rows
}

/**
 * The customer's row as this transaction sees it (undefined when tiering has none): read once, then remembered.
 * @example const row = await rememberedRow(tx, customerId)
 */
export async function rememberedRow(q: Queryable, customerId: string): Promise<CustomerRow | undefined> {
  const rows = rowsOf(q)
  if (rows?.has(customerId)) {
    const row = rows.get(customerId)
    return row && { ...row }
  }
  const row = await q.get<CustomerRow>(ROW, [customerId])
  rows?.set(customerId, row && { ...row })
  return row
}

/**
 * Follows a write of `columns` (to `values`, in order) to the customer's row: an upsert also
 * makes the row when there was none (`inserted`: the columns it does not name then keep their
 * defaults, so the row is forgotten instead).
 * @example await tx.run(STORE, [balance, lifetime, customerId]); rememberWrite(tx, customerId, ['points_balance', 'points_lifetime'], [balance, lifetime])
 */
export function rememberWrite(q: Queryable, customerId: string, columns: readonly string[], values: readonly unknown[]): void {
  const rows = rowsOf(q)
  if (!rows?.has(customerId)) return
  const row = rows.get(customerId)
  if (!row) {
    rows.delete(customerId)
    return
  }
  const next: Record<string, unknown> = { ...row }
  columns.forEach((column, i) => { next[column] = values[i] ?? null })
  rows.set(customerId, next as CustomerRow)
}

/** Forgets one customer's row, or every row (after a statement over many). @example forgetRows(tx) */
export function forgetRows(q: Queryable, customerId?: string): void {
  const rows = rowsOf(q)
  if (customerId === undefined) rows?.clear()
  else rows?.delete(customerId)
}

/**
 * The cut points' version as this transaction sees it, read once (`read` reads it).
 * @example const version = await rememberedVersion(tx, () => tx.get(...))
 */
export async function rememberedVersion(q: Queryable, read: () => Promise<string | undefined>): Promise<string | undefined> {
  const memo = transactionMemo(q)
  if (memo?.has(VERSION)) return memo.get(VERSION) as string | undefined
  const version = await read()
  memo?.set(VERSION, version)
  return version
}

/** Remembers the version this transaction just stored. @example rememberVersion(tx, version) */
export function rememberVersion(q: Queryable, version: string): void {
  transactionMemo(q)?.set(VERSION, version)
}
