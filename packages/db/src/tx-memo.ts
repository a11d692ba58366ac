/**
 * @module
 * A memo that lives as long as one transaction: values a hot path read or wrote in it (one
 * customer's profile, read by each rule and subscriber of an order) are kept for the rest of the
 * transaction instead of being read again. It is forgotten whole when a savepoint inside the
 * transaction rolls back (what was remembered may have been undone) and when the transaction
 * ends; outside a transaction there is none. Whoever writes what a memo holds keeps it true.
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
