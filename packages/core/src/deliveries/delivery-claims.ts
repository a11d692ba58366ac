/**
 * @module
 * The state changes of a delivery, each one statement that is safe with several workers (and
 * processes) on one database: a worker acts on a row only if its claim still holds.
 */
import type { Queryable } from '@rapport/db'

/** How much of a failure's message is kept. */
export const MAX_ERROR_LENGTH = 500

const DUE = `SELECT id, subscriber FROM core_deliveries
  WHERE (state = 'pending' AND next_attempt_at <= ?) OR (state = 'running' AND claimed_until < ?)
  ORDER BY next_attempt_at, id LIMIT ?`

// The same condition as DUE: pending and due, or claimed by a worker whose claim ran out (it crashed or hung).
const CLAIMABLE = "((state = 'pending' AND next_attempt_at <= ?) OR (state = 'running' AND claimed_until < ?))"
const CLAIM = `UPDATE core_deliveries SET state = 'running', claimed_by = ?, claimed_until = ? WHERE id = ? AND ${CLAIMABLE}`
const POSTPONE = `UPDATE core_deliveries SET state = 'pending', claimed_by = NULL, claimed_until = NULL, next_attempt_at = ? WHERE id = ? AND ${CLAIMABLE}`
const DEFER = `UPDATE core_deliveries SET state = 'pending', claimed_by = NULL, claimed_until = NULL, next_attempt_at = ?
  WHERE id = ? AND state = 'running' AND claimed_by = ?`
const DONE = `UPDATE core_deliveries SET state = 'done', attempts = attempts + 1, done_at = ?, last_error = NULL, claimed_by = NULL, claimed_until = NULL
  WHERE id = ? AND state = 'running' AND claimed_by = ?`
const FAILED = `UPDATE core_deliveries SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL
  WHERE id = ? AND state = 'running' AND claimed_by = ?`

/**
 * Deliveries a worker may claim now, oldest due first.
 * @example const due = await dueDeliveries(db, now.toISOString(), 20)
 */
export function dueDeliveries(db: Queryable, now: string, limit: number): Promise<Array<{ id: string; subscriber: string }>> {
  return db.all(DUE, [now, now, limit])
}

/**
 * Claims a delivery for `workerId` until `until`; false when another worker has it or it is no longer due.
 * @example if (await claimDelivery(db, id, 'worker-1', now, until)) await deliver()
 */
export async function claimDelivery(db: Queryable, id: string, workerId: string, now: string, until: string): Promise<boolean> {
  return (await db.run(CLAIM, [workerId, until, id, now, now])).changes === 1
}

/**
 * Leaves a due delivery pending until `until` without counting an attempt (its plugin is disabled).
 * @example await postponeDelivery(db, id, now, inAMinute)
 */
export async function postponeDelivery(db: Queryable, id: string, now: string, until: string): Promise<boolean> {
  return (await db.run(POSTPONE, [until, id, now, now])).changes === 1
}

/**
 * Hands a claimed delivery back, due again at `until`, without counting an attempt (its
 * subscriber deferred it); false when the claim was lost meanwhile.
 * @example await deferDelivery(db, id, 'worker-1', tomorrowAtEight)
 */
export async function deferDelivery(db: Queryable, id: string, workerId: string, until: string): Promise<boolean> {
  return (await db.run(DEFER, [until, id, workerId])).changes === 1
}

/**
 * Marks a claimed delivery done, counting the attempt; false when the claim was lost meanwhile.
 * @example await markDelivered(db, id, 'worker-1', now)
 */
export async function markDelivered(db: Queryable, id: string, workerId: string, now: string): Promise<boolean> {
  return (await db.run(DONE, [now, id, workerId])).changes === 1
}

/**
 * Records a failed attempt: pending again at `retryAt`, or dead when `dead`.
 * @example await markFailed(db, { id, workerId, attempts: 2, dead: false, retryAt, error: 'HTTP 502' })
 */
export async function markFailed(
  db: Queryable,
  { id, workerId, attempts, dead, retryAt, error }: { id: string; workerId: string; attempts: number; dead: boolean; retryAt: string; error: string },
): Promise<boolean> {
  const params = [dead ? 'dead' : 'pending', attempts, retryAt, error.slice(0, MAX_ERROR_LENGTH), id, workerId]
  return (await db.run(FAILED, params)).changes === 1
}
