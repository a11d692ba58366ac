/**
 * @module
 * Database-backed sessions. The cookie holds a random token; the table holds its SHA-256, so a
 * copy of the database cannot be used to sign in. Expiry slides with use.
 */
import type { Queryable } from '@rapport/db'
import { randomToken, sha256 } from '../crypto/tokens.js'
import type { Role } from '../http/app-env.js'

/** Only refresh `last_seen_at` this often, to keep reads from writing on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

/** Starts a session and returns the token for the cookie. @example const token = await createSession(db, userId, now, 12) */
export async function createSession(db: Queryable, userId: string, now: Date, idleHours: number): Promise<string> {
  const token = randomToken(32)
  const at = now.toISOString()
  await db.run('INSERT INTO core_sessions (id, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
    sha256(token), userId, at, new Date(now.getTime() + idleHours * 3600_000).toISOString(), at,
  ])
  return token
}

/**
 * The live session for a token, or undefined (unknown, expired, or its user disabled).
 * @example const s = await resolveSession(db, token, new Date(), 12)
 */
export async function resolveSession(db: Queryable, token: string, now: Date, idleHours: number): Promise<{ sessionId: string; userId: string; role: Role } | undefined> {
  const row = await db.get<{ id: string; user_id: string; role: Role; expires_at: string; last_seen_at: string }>(
    `SELECT s.id, s.user_id, u.role, s.expires_at, s.last_seen_at FROM core_sessions s JOIN core_users u ON u.id = s.user_id
     WHERE s.id = ? AND u.disabled_at IS NULL`,
    [sha256(token)],
  )
  if (!row || row.expires_at <= now.toISOString()) return undefined
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.run('UPDATE core_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?', [
      now.toISOString(), new Date(now.getTime() + idleHours * 3600_000).toISOString(), row.id,
    ])
  }
  return { sessionId: row.id, userId: row.user_id, role: row.role }
}

/** Ends a session. @example await deleteSession(db, sessionId) */
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.run('DELETE FROM core_sessions WHERE id = ?', [sessionId])
}
