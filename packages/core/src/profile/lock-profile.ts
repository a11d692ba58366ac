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
 */
import type { Queryable } from '@rapport/db'

const LOCK_ONE = "SELECT pg_advisory_xact_lock_shared(hashtext('core_profile')) AS a, pg_advisory_xact_lock(hashtext(?)) AS b"
const LOCK_ALL = "SELECT pg_advisory_xact_lock(hashtext('core_profile')) AS a"

/**
 * Locks one customer's profile until the transaction ends (PostgreSQL only; a no-op on SQLite).
 * @param tx - an open transaction
 * @param customerId - the customer
 * @example await lockProfile(tx, customerId); const values = await loadProfileValues(s, tx, customerId)
 */
export async function lockProfile(tx: Queryable, customerId: string): Promise<void> {
  if (tx.dialect === 'pg') await tx.get(LOCK_ONE, [`core_profile:${customerId}`])
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
