/**
 * @module
 * Database-backed sessions. The cookie holds a random token; the table holds its SHA-256, so a
 * copy of the database cannot be used to sign in. Expiry slides with use.
 */
import { ormOf, prepared, type Queryable } from '@rapport/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { randomToken, sha256 } from '../crypto/tokens.js'
import type { Role } from '../http/app-env.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'

/** Only refresh `last_seen_at` this often, to keep reads from writing on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

/** Starts a session and returns the token for the cookie. @example const token = await createSession(db, userId, now, 12) */
export async function createSession(db: Queryable, userId: string, now: Date, idleHours: number): Promise<string> {
  const { sessions } = coreSchema.of(db)
  const token = randomToken(32)
  const at = now.toISOString()
  await ormOf(db).insert(sessions).values({ id: sha256(token), userId, createdAt: at, expiresAt: expiry(now, idleHours), lastSeenAt: at })
  return token
}

/** Every signed-in admin request resolves its session: prepared once per database (see api-key-store.ts). */
const liveSession = prepared((q) => {
  const { sessions, users } = coreSchema.of(q)
  return ormOf(q)
    .select({ id: sessions.id, userId: sessions.userId, role: users.role, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(users.disabledAt)))
    .prepare('core_live_session')
})

/**
 * The live session for a token, or undefined (unknown, expired, or its user disabled).
 * @example const s = await resolveSession(db, token, new Date(), 12)
 */
export async function resolveSession(db: Queryable, token: string, now: Date, idleHours: number): Promise<{ sessionId: string; userId: string; role: Role } | undefined> {
  const [row] = await liveSession(db).execute({ id: sha256(token) })
  if (!row || row.expiresAt <= now.toISOString()) return undefined
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    const { sessions } = coreSchema.of(db)
    await ormOf(db).update(sessions).set({ lastSeenAt: now.toISOString(), expiresAt: expiry(now, idleHours) }).where(eq(sessions.id, row.id))
  }
  return { sessionId: row.id, userId: row.userId, role: row.role }
}

/** Ends a session. @example await deleteSession(db, sessionId) */
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  const { sessions } = coreSchema.of(db)
  await ormOf(db).delete(sessions).where(eq(sessions.id, sessionId))
}

const expiry = (now: Date, idleHours: number) => new Date(now.getTime() + idleHours * 3600_000).toISOString()
