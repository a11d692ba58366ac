/**
 * @module
 * API keys for server-to-server calls: `rk_<id>.<secret>`. Only the SHA-256 of the secret is
 * stored; the whole key is shown once, when it is created.
 */
import type { Queryable } from '@rapport/db'
import { authErrors } from '../errors/index.js'
import { randomToken, safeEqual, sha256 } from '../crypto/tokens.js'
import { randomBytes } from 'node:crypto'
import type { ApiScope } from '../http/app-env.js'

/** An API key as listed (never its secret). */
export type ApiKey = { id: string; name: string; scopes: ApiScope[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

type KeyRow = { id: string; name: string; secret_hash: string; scopes: string; created_at: string; last_used_at: string | null; revoked_at: string | null }
const toKey = (r: KeyRow): ApiKey => ({ id: r.id, name: r.name, scopes: JSON.parse(r.scopes), createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at })

/** Creates a key; the returned `key` is the only time its secret exists in clear. @example const { key } = await createApiKey(db, { name: 'shop', scopes: ['events:write'] }, now) */
export async function createApiKey(db: Queryable, input: { name: string; scopes: ApiScope[]; createdBy?: string }, now: Date): Promise<{ apiKey: ApiKey; key: string }> {
  const id = randomBytes(8).toString('hex')
  const secret = randomToken(32)
  await db.run('INSERT INTO core_api_keys (id, name, secret_hash, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id, input.name, sha256(secret), JSON.stringify(input.scopes), input.createdBy ?? null, now.toISOString(),
  ])
  const row = await db.get<KeyRow>('SELECT * FROM core_api_keys WHERE id = ?', [id])
  return { apiKey: toKey(row!), key: `rk_${id}.${secret}` }
}

/** The scopes of a presented key, or undefined when unknown or revoked. @example await resolveApiKey(db, 'rk_ab12.secret') */
export async function resolveApiKey(db: Queryable, presented: string): Promise<{ keyId: string; scopes: ApiScope[] } | undefined> {
  const match = /^rk_([0-9a-f]{16})\.([A-Za-z0-9_-]{20,})$/.exec(presented)
  if (!match) return undefined
  // Only the columns the check needs: this runs on every API-key request.
  const row = await db.get<Pick<KeyRow, 'id' | 'secret_hash' | 'scopes'>>('SELECT id, secret_hash, scopes FROM core_api_keys WHERE id = ? AND revoked_at IS NULL', [match[1]!])
  if (!row || !safeEqual(row.secret_hash, sha256(match[2]!))) return undefined
  return { keyId: row.id, scopes: JSON.parse(row.scopes) }
}

/** All keys, newest first. @example await listApiKeys(db) */
export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  return (await db.all<KeyRow>('SELECT * FROM core_api_keys ORDER BY created_at DESC, id')).map(toKey)
}

/** Revokes a key; 404 when unknown. @example await revokeApiKey(db, id, now) */
export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<ApiKey> {
  await db.run('UPDATE core_api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [now.toISOString(), id])
  const row = await db.get<KeyRow>('SELECT * FROM core_api_keys WHERE id = ?', [id])
  if (!row) throw authErrors.API_KEY_NOT_FOUND({ keyId: id })
  return toKey(row)
}
