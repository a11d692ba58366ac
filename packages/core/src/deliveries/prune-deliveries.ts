/**
 * @module
 * Retention of the delivery log: a done delivery only says that a subscriber ran, so it is kept
 * for a while (the admin's delivery list shows recent work) and then deleted. Pending, running and
 * dead deliveries are never pruned. Without it the log grew by one row (and four index entries)
 * per event and subscriber for ever: 8,549 rows, 3.8 MB, a tenth of the demo database (issue 19).
 */
import type { Queryable } from '@rapport/db'

/** How long a done delivery stays listed by default: seven days. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600_000

const PRUNE = "DELETE FROM core_deliveries WHERE state = 'done' AND done_at < ?"

/**
 * Deletes the deliveries done before `doneBefore` (ISO time); returns how many.
 * @example await pruneDeliveries(db, new Date(Date.now() - DELIVERY_RETENTION_MS).toISOString())
 */
export async function pruneDeliveries(db: Queryable, doneBefore: string): Promise<number> {
  return (await db.run(PRUNE, [doneBefore])).changes
}
