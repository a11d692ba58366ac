/**
 * @module
 * API keys for server-to-server calls: `rk_<id>.<secret>`. Only the SHA-256 of the secret is
 * stored; the whole key is shown once, when it is created.
 */
import { ormOf, prepared, type Queryable } from '@rapport/db'
import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import { authErrors } from '../errors/index.js'
import { randomToken, safeEqual, sha256 } from '../crypto/tokens.js'
import type { ApiScope } from '../http/app-env.js'
import { coreSchema, type CoreRow } from '../schema/drizzle/core-schema.js'

/** An API key as listed (never its secret): its row without the hash and the creator. */
export type ApiKey = Omit<CoreRow<'apiKeys'>, 'secretHash' | 'createdBy'>

/** The columns an {@link ApiKey} shows. */
const shown = (q: Queryable) => {
  const { secretHash: _hash, createdBy: _by, ...columns } = getTableColumns(coreSchema.of(q).apiKeys)
  return columns
}

/** Creates a key; the returned `key` is the only time its secret exists in clear. @example const { key } = await createApiKey(db, { name: 'shop', scopes: ['events:write'] }, now) */
export async function createApiKey(db: Queryable, input: { name: string; scopes: ApiScope[]; createdBy?: string }, now: Date): Promise<{ apiKey: ApiKey; key: string }> {
  const { apiKeys } = coreSchema.of(db)
  const id = randomBytes(8).toString('hex')
  const secret = randomToken(32)
  const [apiKey] = await ormOf(db)
    .insert(apiKeys)
    .values({ id, name: input.name, secretHash: sha256(secret), scopes: input.scopes, createdBy: input.createdBy ?? null, createdAt: now.toISOString() })
    .returning(shown(db))
  return { apiKey: apiKey!, key: `rk_${id}.${secret}` }
}

/**
 * The check of a presented key runs on every API-key request: prepared once per database, with
 * only the columns it needs, it skips drizzle's query building (and SQLite's statement cache
 * serves the SQL it renders).
 */
const keyForCheck = prepared((q) => {
  const { apiKeys } = coreSchema.of(q)
  return ormOf(q)
    .select({ id: apiKeys.id, secretHash: apiKeys.secretHash, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, sql.placeholder('id')), isNull(apiKeys.revokedAt)))
    .prepare('core_api_key_check')
})

/** The scopes of a presented key, or undefined when unknown or revoked. @example await resolveApiKey(db, 'rk_ab12.secret') */
export async function resolveApiKey(db: Queryable, presented: string): Promise<{ keyId: string; scopes: ApiScope[] } | undefined> {
  const match = /^rk_([0-9a-f]{16})\.([A-Za-z0-9_-]{20,})$/.exec(presented)
  if (!match) return undefined
  const [row] = await keyForCheck(db).execute({ id: match[1]! })
  if (!row || !safeEqual(row.secretHash, sha256(match[2]!))) return undefined
  return { keyId: row.id, scopes: row.scopes }
}

/** All keys, newest first. @example await listApiKeys(db) */
export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const { apiKeys } = coreSchema.of(db)
  return ormOf(db).select(shown(db)).from(apiKeys).orderBy(desc(apiKeys.createdAt), asc(apiKeys.id))
}

/** Revokes a key (a second revoke keeps the first time); 404 when unknown. @example await revokeApiKey(db, id, now) */
export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<ApiKey> {
  const { apiKeys } = coreSchema.of(db)
  const [row] = await ormOf(db)
    .update(apiKeys)
    .set({ revokedAt: sql`COALESCE(${apiKeys.revokedAt}, ${now.toISOString()})` })
    .where(eq(apiKeys.id, id))
    .returning(shown(db))
  if (!row) throw authErrors.API_KEY_NOT_FOUND({ keyId: id })
  return row
}
