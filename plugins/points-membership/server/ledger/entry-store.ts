/**
 * @module
 * Ledger entries: one per change, unique on the idempotency key (a UNIQUE column, so a repeat
 * can never write twice even if two writers raced past the read).
 *
 * A credit (an earn, a positive adjustment) does not store what other columns already hold: its
 * lot's id (the entry's own random part, `lotIdOf`), the debt it repaid (`-debtDelta`) and its
 * lot's `availableAt` and `expiresAt` (lots never change those). Reads put them back into
 * `details`, from the lot joined by its primary key, so the API answers as before. Entries
 * written before migration 0004 that still hold them keep their stored values.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** The kinds of ledger entries. */
export type EntryKind = 'earn' | 'spend' | 'revoke' | 'adjust' | 'expire' | 'restore'

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
  lot_available_at: string | null; lot_expires_at: string | null
}

/** The lot a credit made: it shares the entry's random part. @example lotIdOf('ple_abc') // 'plot_abc' */
export const lotIdOf = (entryId: string): string => `plot${entryId.slice(3)}`
/** Whether an entry credited a lot. */
export const isCredit = (kind: EntryKind, delta: number): boolean => kind === 'earn' || kind === 'restore' || (kind === 'adjust' && delta > 0)

// A credit's lot by its primary key ('plot' and the entry id after 'ple'), for the details it does not store.
const COLUMNS = `e.id, e.kind, e.points, e.delta, e.debt_delta, e.balance_after, e.order_id, e.reason, e.details, e.occurred_at, e.created_at,
  l.available_at AS lot_available_at, l.expires_at AS lot_expires_at`
const FROM = "points_ledger e LEFT JOIN points_lots l ON l.id = 'plot' || substr(e.id, 4) AND e.delta > 0"
const BY_KEY = `SELECT ${COLUMNS} FROM ${FROM} WHERE e.idempotency_key = ?`
const RECENT = `SELECT ${COLUMNS} FROM ${FROM} WHERE e.customer_id = ? ORDER BY e.seq DESC LIMIT ?`
const BETWEEN = `SELECT ${COLUMNS} FROM ${FROM} WHERE e.customer_id = ? AND e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.occurred_at, e.seq LIMIT 5000`
const INSERT = `INSERT INTO points_ledger (id, customer_id, kind, points, delta, debt_delta, balance_after, idempotency_key, order_id, reason, actor, details, occurred_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * A credit's details as the API shows them: what it stored, then its lot, the debt it repaid and
 * its lot's times (each only where the entry did not store it).
 * @example creditDetails({ lines }, 'ple_abc', -5, lot) // { lines, lotId: 'plot_abc', debtRepaid: 5, availableAt, expiresAt }
 */
export function creditDetails(stored: Record<string, unknown>, entryId: string, debtDelta: number, lot: { availableAt: string | null; expiresAt: string | null }): Record<string, unknown> {
  return {
    ...stored,
    lotId: stored.lotId ?? lotIdOf(entryId),
    debtRepaid: stored.debtRepaid ?? (debtDelta === 0 ? 0 : -debtDelta),
    availableAt: stored.availableAt ?? lot.availableAt,
    expiresAt: stored.expiresAt ?? lot.expiresAt,
  }
}

const toEntry = (r: EntryRow): LedgerEntry => {
  const kind = r.kind
  const delta = Number(r.delta)
  const debtDelta = Number(r.debt_delta)
  const stored: Record<string, unknown> = r.details ? JSON.parse(r.details) : {}
  return {
    entryId: r.id, kind, points: Number(r.points), delta, debtDelta, balanceAfter: Number(r.balance_after), orderId: r.order_id, reason: r.reason,
    details: isCredit(kind, delta) ? creditDetails(stored, r.id, debtDelta, { availableAt: r.lot_available_at, expiresAt: r.lot_expires_at }) : stored,
    occurredAt: r.occurred_at, createdAt: r.created_at,
  }
}

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

/**
 * Writes an entry with `details` as given (a credit passes only what `creditDetails` cannot derive).
 * With `unlessKeyTaken`, an entry already written under the key is left as it is and nothing is
 * written: the result is then undefined (a repeat, found without a read before the write).
 * @example await insertEntry(tx, entry, now)
 */
export async function insertEntry(tx: Queryable, e: NewEntry, at: string, { unlessKeyTaken = false } = {}): Promise<LedgerEntry | undefined> {
  const { changes } = await tx.run(unlessKeyTaken ? `${INSERT} ON CONFLICT (idempotency_key) DO NOTHING` : INSERT, [
    e.entryId, e.customerId, e.kind, e.points, e.delta, e.debtDelta, e.balanceAfter, e.key, e.orderId, e.reason, e.actor, JSON.stringify(e.details), e.occurredAt, at,
  ])
  if (changes === 0) return undefined
  const { customerId: _c, key: _k, actor: _a, ...entry } = e
  return { ...entry, createdAt: at }
}
