/**
 * @module
 * Outgoing webhook endpoints: where events of chosen types are POSTed, each with its own signing
 * secret (stored encrypted). Kept as one document in `core_messaging_settings`; the types each
 * endpoint wants are cached per database for 30 s (reset by every change in this process), so the
 * event path asks memory, not the database.
 */
import type { Queryable } from '@rapport/db'
import type { CoreServices } from '../../services.js'

/** An endpoint as stored. `eventTypes` may hold `*` (every type). */
export type WebhookEndpoint = { id: string; url: string; eventTypes: string[]; secretEnc: string; createdAt: string }

const ID = 'webhooks'
const FRESH_MS = 30_000
const cache = new WeakMap<object, { endpoints: WebhookEndpoint[]; at: number }>()

/** Every endpoint. @example const endpoints = await loadEndpoints(s.db) */
export async function loadEndpoints(db: Queryable): Promise<WebhookEndpoint[]> {
  const row = await db.get<{ value: string | WebhookEndpoint[] }>('SELECT value FROM core_messaging_settings WHERE id = ?', [ID])
  return row ? (typeof row.value === 'string' ? (JSON.parse(row.value) as WebhookEndpoint[]) : row.value) : []
}

/** Replaces every endpoint. @example await saveEndpoints(s, tx, [...endpoints, added]) */
export async function saveEndpoints(s: Pick<CoreServices, 'db' | 'now'>, db: Queryable, endpoints: WebhookEndpoint[]): Promise<void> {
  await db.run('INSERT INTO core_messaging_settings (id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    [ID, JSON.stringify(endpoints), s.now().toISOString()])
  cache.delete(s.db)
}

/**
 * The endpoints that want events of `type`, from the cache (read in `q` when stale).
 * @example for (const e of await endpointsFor(s, tx, 'complaint.resolved')) queue(e)
 */
export async function endpointsFor(s: Pick<CoreServices, 'db'>, q: Queryable, type: string): Promise<WebhookEndpoint[]> {
  let known = cache.get(s.db)
  if (!known || Date.now() - known.at > FRESH_MS) {
    known = { endpoints: await loadEndpoints(q), at: Date.now() }
    cache.set(s.db, known)
  }
  return known.endpoints.filter((e) => e.eventTypes.includes('*') || e.eventTypes.includes(type))
}
