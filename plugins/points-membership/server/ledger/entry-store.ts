/**
 * @module
 * Ledger entries: one per change, unique on the idempotency key (a UNIQUE column, so a repeat
 * can never write twice even if two writers raced past the read).
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** The kinds of ledger entries. */
export type EntryKind = 'earn' | 'spend' | 'revoke' | 'adjust' | 'expire'

/** One ledger entry, as routes return it. */
export type LedgerEntry = {
  entryId: string; kind: EntryKind; points: number; delta: number; debtDelta: number; balanceAfter: number
  orderId: string | null; reason: string | null; details: Record<string, unknown>; occurredAt: string; createdAt: string
}

/** What a ledger function returns: the entry, and whether it is the first result of an earlier request. */
export type LedgerResult = { entry: LedgerEntry; repeated: boolean }

type EntryRow = {
  id: string; kind: EntryKind; points: number; delta: number; debt_delta: number; balance_after: number
  order_id: string | null; reason: string | null; details: string | null; occurred_at: string; created_at: string
}

const COLUMNS = 'id, kind, points, delta, debt_delta, balance_after, order_id, reason, details, occurred_at, created_at'
const BY_KEY = `SELECT ${COLUMNS} FROM points_ledger WHERE idempotency_key = ?`
const RECENT = `SELECT ${COLUMNS} FROM points_ledger WHERE customer_id = ? ORDER BY seq DESC LIMIT ?`
const BETWEEN = `SELECT ${COLUMNS} FROM points_ledger WHERE customer_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq LIMIT 5000`
const INSERT = `INSERT INTO points_ledger (id, customer_id, kind, points, delta, debt_delta, balance_after, idempotency_key, order_id, reason, actor, details, occurred_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const toEntry = (r: EntryRow): LedgerEntry => ({
  entryId: r.id, kind: r.kind, points: Number(r.points), delta: Number(r.delta), debtDelta: Number(r.debt_delta), balanceAfter: Number(r.balance_after),
  orderId: r.order_id, reason: r.reason, details: r.details ? JSON.parse(r.details) : {}, occurredAt: r.occurred_at, createdAt: r.created_at,
})

/** The entry written under a key, if any. @example const seen = await findEntry(tx, 'spend:c1:k1') */
export async function findEntry(q: Queryable, key: string): Promise<LedgerEntry | undefined> {
  const row = await q.get<EntryRow>(BY_KEY, [key])
  return row && toEntry(row)
}

/** A customer's latest entries, newest first. @example await recentEntries(ctx.db, id, 20) */
export async function recentEntries(q: Queryable, customerId: string, limit: number): Promise<LedgerEntry[]> {
  return (await q.all<EntryRow>(RECENT, [customerId, limit])).map(toEntry)
}

/** A customer's entries that occurred in `[from, to)`, oldest first (at most 5,000). @example await entriesBetween(ctx.db, id, from, to) */
export async function entriesBetween(q: Queryable, customerId: string, from: string, to: string): Promise<LedgerEntry[]> {
  return (await q.all<EntryRow>(BETWEEN, [customerId, from, to])).map(toEntry)
}

/** A new entry before it is written. */
export type NewEntry = Omit<LedgerEntry, 'createdAt'> & { customerId: string; key: string; actor: string | null }

/** Writes an entry. @example await insertEntry(tx, entry, now) */
export async function insertEntry(tx: Queryable, e: NewEntry, at: string): Promise<LedgerEntry> {
  await tx.run(INSERT, [
    e.entryId, e.customerId, e.kind, e.points, e.delta, e.debtDelta, e.balanceAfter, e.key, e.orderId, e.reason, e.actor, JSON.stringify(e.details), e.occurredAt, at,
  ])
  const { customerId: _c, key: _k, actor: _a, ...entry } = e
  return { ...entry, createdAt: at }
}
