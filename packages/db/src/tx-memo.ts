/**
 * @module
 * A memo that lives as long as one transaction: values a hot path read or wrote in it (one
 * customer's profile, read by each rule and subscriber of an order) are kept for the rest of the
 * transaction instead of being read again. When a savepoint inside the transaction rolls back,
 * what was remembered may have been undone: an entry that can take back its own part (an
 * {@link UndoableMemo}, e.g. writes held for the end of an event) is taken back to where it stood
 * when the savepoint began, every other entry is forgotten. It ends with the transaction;
 * outside a transaction there is none. Whoever writes what a memo holds keeps it true.
 * On PostgreSQL (READ COMMITTED) other transactions' commits show in the next statement: remember
 * there only what this transaction holds locked.
 */
import type { Queryable } from './types.js'

/** Connections (and databases) whose open transaction has a memo, each with its way to find it. */
const owners = new WeakMap<Queryable, () => Map<string, unknown> | undefined>()

/**
 * Called by createDatabase: `memoOf` finds the memo of the transaction open in the caller's async
 * context on `q` (a transaction's connection, or the database that joins it).
 * @example registerTransactionMemo(conn, () => memoOfOpenFrame(conn))
 */
export function registerTransactionMemo(q: Queryable, memoOf: () => Map<string, unknown> | undefined): void {
  owners.set(q, memoOf)
}

/**
 * The memo of the transaction `q` is (or joins) in this async context; undefined outside a
 * transaction. Keys name their owner (`core.profile`).
 * @param q - a transaction, or the database while a transaction is open
 * @example
 * const memo = transactionMemo(tx)
 * const known = memo?.get('core.profile')
 */
export function transactionMemo(q: Queryable): Map<string, unknown> | undefined {
  return owners.get(q)?.()
}

/**
 * A memo entry that survives a savepoint's rollback by taking back what was added to it inside
 * the savepoint (the rest of the memo is forgotten).
 * @example
 * class Held implements UndoableMemo { items: string[] = []; mark() { return this.items.length } rollBackTo(m: unknown) { this.items.length = m as number } }
 */
export interface UndoableMemo {
  /** Where the entry stands now (taken when a savepoint begins; given back to `rollBackTo`). */
  mark(): unknown
  /** Takes back everything done to the entry since `mark` was taken. */
  rollBackTo(mark: unknown): void
}

const undoable = (v: unknown): v is UndoableMemo =>
  typeof v === 'object' && v !== null && typeof (v as UndoableMemo).mark === 'function' && typeof (v as UndoableMemo).rollBackTo === 'function'

/**
 * Where each undoable entry of a memo stands, taken when a savepoint begins (see {@link rollBackMemo}).
 * @example const marks = markMemo(memo)
 */
export function markMemo(memo: Map<string, unknown> | undefined): Map<string, unknown> {
  const marks = new Map<string, unknown>()
  if (memo) for (const [key, value] of memo) if (undoable(value)) marks.set(key, value.mark())
  return marks
}

/**
 * After a savepoint rolled back: takes each undoable entry back to its mark and forgets the rest.
 * @example rollBackMemo(memo, marks)
 */
export function rollBackMemo(memo: Map<string, unknown> | undefined, marks: ReadonlyMap<string, unknown>): void {
  if (!memo) return
  for (const [key, value] of memo) {
    if (marks.has(key) && undoable(value)) value.rollBackTo(marks.get(key))
    else memo.delete(key)
  }
}
