/**
 * @module
 * Serializes profile writes. SQLite already has one writer at a time. On PostgreSQL two
 * transactions could both read a balance and both add to it, so a writer first takes a
 * transaction-scoped advisory lock on the customer's profile, plus a shared lock on the whole
 * profile that a rebuild takes exclusively (so no write lands on values a rebuild is replacing).
 * Advisory locks are re-entrant and end with the transaction. Locking the customer's row in the
 * statement that reads the values (one round trip instead of two) loses updates under READ
 * COMMITTED: after waiting for the lock, PostgreSQL re-checks the locked row but returns the
 * values it joined as they were before the wait (test/profile-lock.test.ts caught it).
 *
 * A transaction that writes several customers (a group commit) takes all their locks up front in
 * one statement, in one order shared by every such transaction (by lock key), so two of them
 * wait for each other instead of deadlocking. Those locks are remembered for the transaction, and
 * the per-write `lockProfile` of a customer already locked costs no round trip.
 */
import type { Queryable } from '@rapport/db'

const LOCK_ONE = "SELECT pg_advisory_xact_lock_shared(hashtext('core_profile')) AS a, pg_advisory_xact_lock(hashtext(?)) AS b"
const LOCK_ALL = "SELECT pg_advisory_xact_lock(hashtext('core_profile')) AS a"
// The shared lock first (as LOCK_ONE), then the customers in key order. Both CTEs are
// materialized, so the lock calls run on the join's rows, which come in `c`'s order.
const LOCK_BY_EXTERNAL_ID = `WITH g AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(hashtext('core_profile')) AS a),
  c AS MATERIALIZED (SELECT id, external_id, hashtext('core_profile:' || id) AS h FROM core_customers
    WHERE external_id IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb))) ORDER BY h, id)
SELECT c.id, c.external_id, pg_advisory_xact_lock(c.h) AS b FROM g, c`

// The same without waiting: a customer locked elsewhere comes back with b = false (and is not held).
const TRY_BY_EXTERNAL_ID = LOCK_BY_EXTERNAL_ID.replace('pg_advisory_xact_lock(c.h)', 'pg_try_advisory_xact_lock(c.h)')

/** Customers whose lock a transaction took at its top level (never in a savepoint, whose rollback would release it). */
const heldUpFront = new WeakMap<Queryable, Set<string>>()

/**
 * Locks one customer's profile until the transaction ends (PostgreSQL only; a no-op on SQLite).
 * @param tx - an open transaction
 * @param customerId - the customer
 * @example await lockProfile(tx, customerId); const values = await loadProfileValues(s, tx, customerId)
 */
export async function lockProfile(tx: Queryable, customerId: string): Promise<void> {
  if (tx.dialect === 'pg' && !heldUpFront.get(tx)?.has(customerId)) await tx.get(LOCK_ONE, [`core_profile:${customerId}`])
}

/**
 * Locks the profiles of the existing customers with these external ids, in one statement and in
 * the order every caller uses, until the transaction ends (PostgreSQL only). Call it first in a
 * transaction's top level, before any savepoint. Customers created later in the transaction are
 * new, so no other transaction waits on them; their `lockProfile` still runs.
 * @param tx - a transaction just begun
 * @param externalIds - the customers' external ids (repeats and unknown ones allowed)
 * @returns the customer id of each external id found (PostgreSQL; empty on SQLite, where nothing is looked up)
 * @example await db.tx(async (tx) => { const ids = await lockProfilesByExternalId(tx, ['shop-1', 'shop-2']); ... })
 */
export async function lockProfilesByExternalId(tx: Queryable, externalIds: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  if (tx.dialect !== 'pg' || externalIds.length === 0) return ids
  const rows = await tx.all<{ id: string; external_id: string }>(LOCK_BY_EXTERNAL_ID, [JSON.stringify([...new Set(externalIds)])])
  let held = heldUpFront.get(tx)
  if (!held) heldUpFront.set(tx, (held = new Set()))
  for (const row of rows) {
    held.add(row.id)
    ids.set(row.external_id, row.id)
  }
  return ids
}

/**
 * As {@link lockProfilesByExternalId}, but a customer whose profile another transaction holds is
 * not waited for: its external id comes back in `busy` (PostgreSQL only; never busy on SQLite).
 * Used by the concurrent group commit, which writes such a customer's batch in a later group.
 * @param tx - a transaction just begun
 * @param externalIds - the customers' external ids
 * @returns the customer id of each external id found and locked, and the external ids held elsewhere
 * @example const { ids, busy } = await tryLockProfilesByExternalId(tx, ['shop-1', 'shop-2'])
 */
export async function tryLockProfilesByExternalId(tx: Queryable, externalIds: readonly string[]): Promise<{ ids: Map<string, string>; busy: Set<string> }> {
  const ids = new Map<string, string>()
  const busy = new Set<string>()
  if (tx.dialect !== 'pg' || externalIds.length === 0) return { ids, busy }
  const rows = await tx.all<{ id: string; external_id: string; b: boolean }>(TRY_BY_EXTERNAL_ID, [JSON.stringify([...new Set(externalIds)])])
  let held = heldUpFront.get(tx)
  if (!held) heldUpFront.set(tx, (held = new Set()))
  for (const row of rows) {
    if (!row.b) {
      busy.add(row.external_id)
      continue
    }
    held.add(row.id)
    ids.set(row.external_id, row.id)
  }
  return { ids, busy }
}

/**
 * Waits for every open profile write to end and holds off new ones until the transaction ends
 * (PostgreSQL only). Readers are not blocked.
 * @param tx - an open transaction
 * @example await s.db.tx(async (tx) => { await lockAllProfiles(tx); ... })
 */
export async function lockAllProfiles(tx: Queryable): Promise<void> {
  if (tx.dialect === 'pg') await tx.get(LOCK_ALL)
}
