/**
 * @module
 * Sign-in throttling kept in the database (so several API processes share it): after
 * `maxFailures` failures within the window a key is locked, for longer each further failure.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { eq, inArray } from 'drizzle-orm'
import { authErrors } from '../errors/index.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'

/** Tuning of the throttle. */
export type ThrottleOptions = { maxFailures?: number; windowMs?: number; baseLockMs?: number; maxLockMs?: number }

/** Throws AUTH_THROTTLED when any key is locked. @example await assertNotThrottled(db, ['email:h1', 'ip:h2'], now) */
export async function assertNotThrottled(db: Queryable, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return
  const { loginThrottle } = coreSchema.of(db)
  const rows = await ormOf(db).select({ key: loginThrottle.key, lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keys))
  const lockedUntil = new Map(rows.map((r) => [r.key, r.lockedUntil]))
  for (const key of keys) {
    const until = lockedUntil.get(key)
    if (until && until > now.toISOString()) throw authErrors.THROTTLED({ retryAfterSeconds: Math.ceil((Date.parse(until) - now.getTime()) / 1000) })
  }
}

/** Counts a failure for each key and locks those past the limit. @example await recordLoginFailure(db, 'email:h1', now, { maxFailures: 5 }) */
export async function recordLoginFailure(db: Queryable, key: string, now: Date, { maxFailures = 5, windowMs = 15 * 60_000, baseLockMs = 30_000, maxLockMs = 15 * 60_000 }: ThrottleOptions = {}): Promise<void> {
  const { loginThrottle } = coreSchema.of(db)
  const orm = ormOf(db)
  const at = now.toISOString()
  const [row] = await orm.select().from(loginThrottle).where(eq(loginThrottle.key, key))
  const fresh = !row || now.getTime() - Date.parse(row.windowStartedAt) > windowMs
  const failures = fresh ? 1 : row.failures + 1
  const lockMs = failures >= maxFailures ? Math.min(baseLockMs * 2 ** (failures - maxFailures), maxLockMs) : 0
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null
  const values = { key, failures, windowStartedAt: fresh ? at : row.windowStartedAt, lockedUntil }
  await orm
    .insert(loginThrottle)
    .values(values)
    .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStartedAt: values.windowStartedAt, lockedUntil } })
}

/** Forgets the failures of a key after a successful sign-in. @example await clearLoginFailures(db, 'email:h1') */
export async function clearLoginFailures(db: Queryable, key: string): Promise<void> {
  const { loginThrottle } = coreSchema.of(db)
  await ormOf(db).delete(loginThrottle).where(eq(loginThrottle.key, key))
}
