/**
 * @module
 * Admin users: staff accounts with a role and a scrypt password hash.
 */
import type { Queryable } from '@rapport/db'
import { authErrors } from '../errors/index.js'
import { hashPassword } from '../crypto/passwords.js'
import { newId } from '../crypto/tokens.js'
import type { Role } from '../http/app-env.js'

/** A user as the API shows it (never the hash). */
export type User = { id: string; email: string; name: string; role: Role; disabledAt: string | null; createdAt: string; updatedAt: string }

type UserRow = { id: string; email: string; name: string; role: Role; password_hash: string; disabled_at: string | null; created_at: string; updated_at: string }

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, role: r.role, disabledAt: r.disabled_at, createdAt: r.created_at, updatedAt: r.updated_at })

/**
 * Creates a user; 409 AUTH_USER_EXISTS when the email is taken.
 * @example await createUser(db, { email: 'a@example.com', name: 'A', role: 'agent', password: 'long-enough' }, new Date())
 */
export async function createUser(db: Queryable, input: { email: string; name: string; role: Role; password: string }, now: Date): Promise<User> {
  const email = input.email.trim().toLowerCase()
  const at = now.toISOString()
  const passwordHash = await hashPassword(input.password)
  const row = await db.get<UserRow>(
    `INSERT INTO core_users (id, email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (email) DO NOTHING RETURNING *`,
    [newId('usr'), email, input.name, input.role, passwordHash, at, at],
  )
  if (!row) throw authErrors.USER_EXISTS({ email })
  return toUser(row)
}

/** The user with this email, hash included, for sign-in. @example await findUserForLogin(db, 'a@example.com') */
export async function findUserForLogin(db: Queryable, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.get<UserRow>('SELECT * FROM core_users WHERE email = ?', [email.trim().toLowerCase()])
  return row && { ...toUser(row), passwordHash: row.password_hash }
}

/** One user by id; 404 AUTH_USER_NOT_FOUND. @example await getUser(db, id) */
export async function getUser(db: Queryable, id: string): Promise<User> {
  const row = await db.get<UserRow>('SELECT * FROM core_users WHERE id = ?', [id])
  if (!row) throw authErrors.USER_NOT_FOUND({ userId: id })
  return toUser(row)
}

/** All users, oldest first. @example await listUsers(db) */
export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.all<UserRow>('SELECT * FROM core_users ORDER BY created_at, id')).map(toUser)
}

/**
 * Changes name, role, disabled state or password. Refuses to leave no active owner.
 * @example await updateUser(db, id, { role: 'analyst' }, new Date())
 */
export async function updateUser(db: Queryable, id: string, patch: { name?: string; role?: Role; disabled?: boolean; password?: string }, now: Date): Promise<User> {
  const current = await getUser(db, id)
  const losesOwner = current.role === 'owner' && current.disabledAt === null && ((patch.role !== undefined && patch.role !== 'owner') || patch.disabled === true)
  if (losesOwner) {
    const owners = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_users WHERE role = 'owner' AND disabled_at IS NULL")
    if ((owners?.n ?? 0) <= 1) throw authErrors.LAST_OWNER()
  }
  const at = now.toISOString()
  const disabledAt = patch.disabled === undefined ? current.disabledAt : patch.disabled ? (current.disabledAt ?? at) : null
  await db.run('UPDATE core_users SET name = ?, role = ?, disabled_at = ?, updated_at = ? WHERE id = ?', [patch.name ?? current.name, patch.role ?? current.role, disabledAt, at, id])
  if (patch.password !== undefined) await db.run('UPDATE core_users SET password_hash = ? WHERE id = ?', [await hashPassword(patch.password), id])
  if (disabledAt !== null || patch.password !== undefined) await db.run('DELETE FROM core_sessions WHERE user_id = ?', [id])
  return getUser(db, id)
}
