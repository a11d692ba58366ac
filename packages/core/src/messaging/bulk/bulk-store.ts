/**
 * @module
 * Bulk sends as stored: starting one (its row and `message.bulk.started`, whose after-commit
 * delivery does the sending), reading one with its progress, and listing them. Progress is counted
 * in SQL from the recipients and the state of the messages they were given.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../../crypto/tokens.js'
import { messageErrors } from '../../errors/index.js'
import { publishEvent } from '../../events/publish-event.js'
import type { CoreServices } from '../../services.js'
import { BULK_SKIP_REASONS, type BulkProgress, type BulkSend, type BulkSendRequest } from './bulk-schemas.js'

/** A `core_bulk_sends` row. */
export type BulkSendRow = {
  id: string; name: string; segment_id: string; template: string; channel: string; data: string | Record<string, string | number>
  require_consent: number | boolean; per_minute: number; state: 'running' | 'done'; cursor: string | null; total: number
  deferred_until: string | null; created_by: string | null; created_at: string; updated_at: string; finished_at: string | null
}

const INSERT = `INSERT INTO core_bulk_sends (id, name, segment_id, template, channel, data, require_consent, per_minute, state, cursor, total, created_by, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', NULL, ?, ?, ?, ?)`

/**
 * Stores a send and publishes `message.bulk.started` in `tx`; nothing goes out before it commits.
 * @example const id = await startBulkSend(s, tx, request, { total: 500, createdBy: userId })
 */
export async function startBulkSend(s: CoreServices, tx: Queryable, input: BulkSendRequest, meta: { total: number; createdBy: string | null }): Promise<string> {
  const id = newId('bulk')
  const now = s.now().toISOString()
  await tx.run(INSERT, [id, input.name, input.segmentId, input.template, input.channel, JSON.stringify(input.data), input.requireConsent ? 1 : 0, input.perMinute, meta.total, meta.createdBy, now, now])
  await publishEvent(s, {
    type: 'message.bulk.started', customerId: null, emitter: 'core', source: 'core', occurredAt: now,
    payload: { bulkSendId: id, segmentId: input.segmentId, template: input.template, channel: input.channel }, idempotencyKey: `message.bulk.started:${id}`,
  }, tx)
  return id
}

/** A send's row, or MESSAGE_BULK_SEND_NOT_FOUND (404). @example const row = await bulkSendRow(s.db, id) */
export async function bulkSendRow(q: Queryable, id: string): Promise<BulkSendRow> {
  const row = await q.get<BulkSendRow>('SELECT * FROM core_bulk_sends WHERE id = ?', [id])
  if (!row) throw messageErrors.BULK_SEND_NOT_FOUND({ bulkSendId: id })
  return row
}

// Messages suppressed at sending (after the send queued them) are put under the reason send-message gave.
const PROGRESS = `SELECT
  CASE WHEN r.outcome <> 'queued' THEN r.outcome
       WHEN m.state IN ('sent', 'delivered') THEN 'sent'
       WHEN m.state IN ('failed', 'bounced') THEN 'failed'
       WHEN m.state = 'suppressed' AND m.last_error LIKE 'The customer reached the contact budget%' THEN 'overBudget'
       WHEN m.state = 'suppressed' AND m.last_error LIKE 'The customer unsubscribed%' THEN 'unsubscribed'
       WHEN m.state = 'suppressed' AND m.last_error LIKE 'The recipient has no%' THEN 'noAddress'
       WHEN m.state = 'suppressed' THEN 'other'
       ELSE 'queued' END AS bucket,
  COUNT(*) AS n
  FROM core_bulk_send_recipients r LEFT JOIN core_messages m ON m.id = r.message_id
  WHERE r.send_id = ? GROUP BY 1`

/**
 * A send as the API shows it, with its progress as of now.
 * @example return c.json(await bulkSendView(s, row), 200)
 */
export async function bulkSendView(s: Pick<CoreServices, 'db' | 'now'>, row: BulkSendRow): Promise<BulkSend> {
  const counts = new Map((await s.db.all<{ bucket: string; n: number | string }>(PROGRESS, [row.id])).map((r) => [r.bucket, Number(r.n)]))
  const processed = [...counts.values()].reduce((a, b) => a + b, 0)
  const waiting = row.state === 'running' && row.deferred_until !== null && row.deferred_until > s.now().toISOString()
  const progress: BulkProgress = {
    processed, queued: counts.get('queued') ?? 0, sent: counts.get('sent') ?? 0, failed: counts.get('failed') ?? 0,
    skipped: Object.fromEntries(BULK_SKIP_REASONS.map((r) => [r, counts.get(r) ?? 0])) as BulkProgress['skipped'],
    deferred: { quietHours: waiting ? Math.max(0, Number(row.total) - processed) : 0 },
  }
  return {
    id: row.id, name: row.name, segmentId: row.segment_id, template: row.template, channel: row.channel, requireConsent: Boolean(Number(row.require_consent)),
    perMinute: Number(row.per_minute), state: waiting ? 'waiting' : row.state, total: Number(row.total), deferredUntil: waiting ? row.deferred_until : null,
    createdAt: row.created_at, finishedAt: row.finished_at, progress,
  }
}

/** The latest sends, newest first. @example const rows = await listBulkSendRows(s.db, 50) */
export function listBulkSendRows(q: Queryable, limit: number): Promise<BulkSendRow[]> {
  return q.all<BulkSendRow>('SELECT * FROM core_bulk_sends ORDER BY created_at DESC, id DESC LIMIT ?', [limit])
}
