/**
 * @module
 * The append-only event log. An append is idempotent on its key: a repeat returns the event
 * that the first append stored, marked as a duplicate. It runs inside the caller's transaction.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'

/** Where an event came from. */
export type EventSource = 'api' | 'import' | 'core' | 'demo'

/** An event as stored and as the API shows it. */
export type StoredEvent = {
  id: string
  seq: number
  type: string
  customerId: string | null
  payload: Record<string, unknown>
  occurredAt: string
  recordedAt: string
  source: EventSource
}

/** What to append. */
export type NewEvent = {
  type: string
  customerId: string | null
  payload: Record<string, unknown>
  /** UTC ISO-8601. */
  occurredAt: string
  /** Unique per logical event, e.g. the caller's event id. */
  idempotencyKey: string
  source: EventSource
}

type EventRow = { seq: number; id: string; type: string; customer_id: string | null; payload: string; occurred_at: string; recorded_at: string; source: EventSource }

/** Maps a `core_events` row. @example rows.map(toStoredEvent) */
export const toStoredEvent = (r: EventRow): StoredEvent => ({
  id: r.id, seq: Number(r.seq), type: r.type, customerId: r.customer_id, payload: JSON.parse(r.payload), occurredAt: r.occurred_at, recordedAt: r.recorded_at, source: r.source,
})

const INSERT = `INSERT INTO core_events (id, idempotency_key, type, customer_id, payload, occurred_at, recorded_at, source)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`

/**
 * Appends an event, or returns the one already stored under the same key.
 * @example
 * const { event, duplicate } = await appendEvent(tx, { type: 'order.completed', customerId, payload, occurredAt, idempotencyKey: 'ord-1', source: 'api' }, now)
 */
export async function appendEvent(db: Queryable, input: NewEvent, now: Date): Promise<{ event: StoredEvent; duplicate: boolean }> {
  const row = await db.get<EventRow>(INSERT, [
    newId('evt'), input.idempotencyKey, input.type, input.customerId, JSON.stringify(input.payload), input.occurredAt, now.toISOString(), input.source,
  ])
  if (row) return { event: toStoredEvent(row), duplicate: false }
  const first = await db.get<EventRow>('SELECT * FROM core_events WHERE idempotency_key = ?', [input.idempotencyKey])
  return { event: toStoredEvent(first!), duplicate: true }
}

/**
 * One customer's events, newest first, paged by `seq`.
 * @example const { items, nextCursor } = await listCustomerEvents(db, customerId, { limit: 50 })
 */
export async function listCustomerEvents(db: Queryable, customerId: string, { limit, beforeSeq }: { limit: number; beforeSeq?: number }): Promise<{ items: StoredEvent[]; nextBeforeSeq: number | null }> {
  const rows = await db.all<EventRow>(
    `SELECT * FROM core_events WHERE customer_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
    [customerId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1],
  )
  const items = rows.slice(0, limit).map(toStoredEvent)
  return { items, nextBeforeSeq: rows.length > limit ? items[items.length - 1]!.seq : null }
}
