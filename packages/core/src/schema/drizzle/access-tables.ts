/**
 * @module
 * Who may call the API: admin users, their sessions, API keys and the sign-in throttle.
 */
import type { ColumnKit } from '@rapport/db'
import type { ApiScope, Role } from '../../http/app-env.js'

/**
 * The access tables, for one dialect's column kit (see core-schema.ts).
 * @param k - the dialect's column kit
 * @example
 * const { users } = accessTables(k)
 */
export function accessTables(k: ColumnKit) {
  /** Admin users: staff who sign in to the admin (not customers). */
  const users = k.table('core_users', {
    id: k.text().primaryKey(),
    email: k.text().notNull().unique(),
    name: k.text().notNull(),
    role: k.text().notNull().$type<Role>(),
    passwordHash: k.text().notNull(),
    disabledAt: k.timestamp(),
    createdAt: k.timestamp().notNull(),
    updatedAt: k.timestamp().notNull(),
  })

  /** Sessions: the cookie carries a random token; only its SHA-256 (the id) is stored. */
  const sessions = k.table('core_sessions', {
    id: k.text().primaryKey(),
    userId: k.text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: k.timestamp().notNull(),
    expiresAt: k.timestamp().notNull(),
    lastSeenAt: k.timestamp().notNull(),
  }, (t) => [k.index('core_sessions_user').on(t.userId)])

  /** API keys for server-to-server calls: shown once, stored as a hash of their secret part. */
  const apiKeys = k.table('core_api_keys', {
    id: k.text().primaryKey(),
    name: k.text().notNull(),
    secretHash: k.text().notNull(),
    scopes: k.json<ApiScope[]>().notNull(),
    createdBy: k.text(),
    createdAt: k.timestamp().notNull(),
    lastUsedAt: k.timestamp(),
    revokedAt: k.timestamp(),
  })

  /** Failed sign-in counters, keyed by a keyed hash of the email or the client address. */
  const loginThrottle = k.table('core_login_throttle', {
    key: k.text().primaryKey(),
    failures: k.integer().notNull(),
    windowStartedAt: k.timestamp().notNull(),
    lockedUntil: k.timestamp(),
  })

  return { users, sessions, apiKeys, loginThrottle }
}
