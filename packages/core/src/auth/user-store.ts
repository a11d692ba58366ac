/**
 * @module
 * Admin users: staff accounts with a role and a scrypt password hash.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { and, asc, count, eq, getTableColumns, isNull } from 'drizzle-orm'
import { authErrors } from '../errors/index.js'
import { hashPassword } from '../crypto/passwords.js'
import { newId } from '../crypto/tokens.js'
import type { Role } from '../http/app-env.js'
import { coreSchema, type CoreRow } from '../schema/drizzle/core-schema.js'

/** A user as the API shows it: the row without the hash. */
export type User = Omit<CoreRow<'users'>, 'passwordHash'>

/** The columns a {@link User} shows. */
const shown = (q: Queryable) => {
  const { passwordHash: _hash, ...columns } = getTableColumns(coreSchema.of(q).users)
  return columns
}

/**
 * Creates a user; 409 AUTH_USER_EXISTS when the email is taken.
 * @example await createUser(db, { email: 'a@example.com', name: 'A', role: 'agent', password: 'long-enough' }, new Date())
 */
export async function createUser(db: Queryable, input: { email: string; name: string; role: Role; password: string }, now: Date): Promise<User> {
  const { users } = coreSchema.of(db)
  const email = input.email.trim().toLowerCase()
  const at = now.toISOString()
  const passwordHash = await hashPassword(input.password)
  const [user] = await ormOf(db)
    .insert(users)
    .values({ id: newId('usr'), email, name: input.name, role: input.role, passwordHash, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: users.email })
    .returning(shown(db))
  if (!user) throw authErrors.USER_EXISTS({ email })
  return user
}

/** The user with this email, hash included, for sign-in. @example await findUserForLogin(db, 'a@example.com') */
export async function findUserForLogin(db: Queryable, email: string): Promise<CoreRow<'users'> | undefined> {
  const { users } = coreSchema.of(db)
  const [user] = await ormOf(db).select().from(users).where(eq(users.email, email.trim().toLowerCase()))
  return user
}

/** One user by id; 404 AUTH_USER_NOT_FOUND. @example await getUser(db, id) */
export async function getUser(db: Queryable, id: string): Promise<User> {
  const { users } = coreSchema.of(db)
  const [user] = await ormOf(db).select(shown(db)).from(users).where(eq(users.id, id))
  if (!user) throw authErrors.USER_NOT_FOUND({ userId: id })
  return user
}

/** All users, oldest first. @example await listUsers(db) */
export async function listUsers(db: Queryable): Promise<User[]> {
  const { users } = coreSchema.of(db)
  return ormOf(db).select(shown(db)).from(users).orderBy(asc(users.createdAt), asc(users.id))
}

/**
 * Changes name, role, disabled state or password. Refuses to leave no active owner.
 * @example await updateUser(db, id, { role: 'analyst' }, new Date())
 */
export async function updateUser(db: Queryable, id: string, patch: { name?: string; role?: Role; disabled?: boolean; password?: string }, now: Date): Promise<User> {
  const { users, sessions } = coreSchema.of(db)
  const orm = ormOf(db)
  const current = await getUser(db, id)
  const losesOwner = current.role === 'owner' && current.disabledAt === null && ((patch.role !== undefined && patch.role !== 'owner') || patch.disabled === true)
  if (losesOwner) {
    const [owners] = await orm.select({ n: count() }).from(users).where(and(eq(users.role, 'owner'), isNull(users.disabledAt)))
    if ((owners?.n ?? 0) <= 1) throw authErrors.LAST_OWNER()
  }
  const at = now.toISOString()
  const disabledAt = patch.disabled === undefined ? current.disabledAt : patch.disabled ? (current.disabledAt ?? at) : null
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password)
  await orm
    .update(users)
    .set({ name: patch.name ?? current.name, role: patch.role ?? current.role, disabledAt, updatedAt: at, ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(users.id, id))
  if (disabledAt !== null || passwordHash !== undefined) await orm.delete(sessions).where(eq(sessions.userId, id))
  return getUser(db, id)
}
