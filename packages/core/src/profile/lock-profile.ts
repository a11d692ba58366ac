/**
 * @module
 * Serializes profile writes per customer. SQLite already has one writer at a time; on
 * PostgreSQL two transactions could both read a balance and both add to it, so each takes a
 * transaction-scoped advisory lock on the customer's profile first (re-entrant, released at commit).
 */
import type { Queryable } from '@rapport/db'

const LOCK = 'SELECT pg_advisory_xact_lock(hashtext(?))'

/**
 * Locks one customer's profile until the transaction ends (PostgreSQL only; a no-op on SQLite).
 * @param tx - an open transaction
 * @param customerId - the customer
 * @example await lockProfile(tx, customerId); const values = await loadProfileValues(s, tx, customerId)
 */
export async function lockProfile(tx: Queryable, customerId: string): Promise<void> {
  if (tx.dialect === 'pg') await tx.get(LOCK, [`core_profile:${customerId}`])
}
