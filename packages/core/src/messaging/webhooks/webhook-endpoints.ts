/**
 * @module
 * Outgoing webhook endpoints: where events of chosen types are POSTed, each with its own signing
 * secret (stored encrypted). Kept as one document in `core_messaging_settings`, beside a revision
 * token that every save replaces. The event path keeps the endpoints in memory per database and
 * reads only the token (one primary-key read) to know they are still the stored ones: a change
 * made by another process, or under this one, is seen by the next event, never 30 s later.
 */
import { transactionMemo, type Queryable } from '@rapport/db'
import { newId } from '../../crypto/tokens.js'
import type { CoreServices } from '../../services.js'

/** An endpoint as stored. `eventTypes` may hold `*` (every type). */
export type WebhookEndpoint = { id: string; url: string; eventTypes: string[]; secretEnc: string; createdAt: string }

const ID = 'webhooks'
const REVISION_ID = 'webhooks.revision'
const UPSERT = 'INSERT INTO core_messaging_settings (id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
const cache = new WeakMap<object, { endpoints: WebhookEndpoint[]; revision: string | null }>()

// The revision as the open transaction read or wrote it: a group commit's events read it once, not once each (issue 19).
const MEMO = 'core.webhooks.revision'

async function revisionOf(db: Queryable): Promise<string | null> {
  const memo = transactionMemo(db)
  if (memo?.has(MEMO)) return memo.get(MEMO) as string | null
  const row = await db.get<{ value: string | { token: string } }>('SELECT value FROM core_messaging_settings WHERE id = ?', [REVISION_ID])
  const revision = row ? (typeof row.value === 'string' ? (JSON.parse(row.value) as { token: string }) : row.value).token : null
  memo?.set(MEMO, revision)
  return revision
}

/** Every endpoint. @example const endpoints = await loadEndpoints(s.db) */
export async function loadEndpoints(db: Queryable): Promise<WebhookEndpoint[]> {
  const row = await db.get<{ value: string | WebhookEndpoint[] }>('SELECT value FROM core_messaging_settings WHERE id = ?', [ID])
  return row ? (typeof row.value === 'string' ? (JSON.parse(row.value) as WebhookEndpoint[]) : row.value) : []
}

/** Replaces every endpoint. @example await saveEndpoints(s, tx, [...endpoints, added]) */
export async function saveEndpoints(s: Pick<CoreServices, 'db' | 'now'>, db: Queryable, endpoints: WebhookEndpoint[]): Promise<void> {
  const now = s.now().toISOString()
  await db.run(UPSERT, [ID, JSON.stringify(endpoints), now])
  const token = newId('rev')
  await db.run(UPSERT, [REVISION_ID, JSON.stringify({ token }), now])
  transactionMemo(db)?.set(MEMO, token)
}

/**
 * The endpoints that want events of `type`: from memory while the stored revision is the one they
 * were read under, else read again in `q`.
 * @example for (const e of await endpointsFor(s, tx, 'complaint.resolved')) queue(e)
 */
export async function endpointsFor(s: Pick<CoreServices, 'db'>, q: Queryable, type: string): Promise<WebhookEndpoint[]> {
  const revision = await revisionOf(q)
  let known = cache.get(s.db)
  if (!known || known.revision !== revision) {
    known = { endpoints: await loadEndpoints(q), revision }
    cache.set(s.db, known)
  }
  return known.endpoints.filter((e) => e.eventTypes.includes('*') || e.eventTypes.includes(type))
}
