/**
 * @module
 * Sign-in throttling kept in the database (so several API processes share it): after
 * `maxFailures` failures within the window a key is locked, for longer each further failure.
 */
import type { Queryable } from '@rapport/db'
import { authErrors } from '../errors/index.js'

/** Tuning of the throttle. */
export type ThrottleOptions = { maxFailures?: number; windowMs?: number; baseLockMs?: number; maxLockMs?: number }

/** Throws AUTH_THROTTLED when any key is locked. @example await assertNotThrottled(db, ['email:h1', 'ip:h2'], now) */
export async function assertNotThrottled(db: Queryable, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await db.get<{ locked_until: string | null }>('SELECT locked_until FROM core_login_throttle WHERE key = ?', [key])
    if (row?.locked_until && row.locked_until > now.toISOString()) {
      throw authErrors.THROTTLED({ retryAfterSeconds: Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000) })
    }
  }
}

/** Counts a failure for each key and locks those past the limit. @example await recordLoginFailure(db, 'email:h1', now, { maxFailures: 5 }) */
export async function recordLoginFailure(db: Queryable, key: string, now: Date, { maxFailures = 5, windowMs = 15 * 60_000, baseLockMs = 30_000, maxLockMs = 15 * 60_000 }: ThrottleOptions = {}): Promise<void> {
  const at = now.toISOString()
  const row = await db.get<{ failures: number; window_started_at: string }>('SELECT failures, window_started_at FROM core_login_throttle WHERE key = ?', [key])
  const fresh = !row || now.getTime() - Date.parse(row.window_started_at) > windowMs
  const failures = fresh ? 1 : row.failures + 1
  const lockMs = failures >= maxFailures ? Math.min(baseLockMs * 2 ** (failures - maxFailures), maxLockMs) : 0
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null
  await db.run(
    `INSERT INTO core_login_throttle (key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
    [key, failures, fresh ? at : row.window_started_at, lockedUntil],
  )
}

/** Forgets the failures of a key after a successful sign-in. @example await clearLoginFailures(db, 'email:h1') */
export async function clearLoginFailures(db: Queryable, key: string): Promise<void> {
  await db.run('DELETE FROM core_login_throttle WHERE key = ?', [key])
}
