/**
 * @module
 * The append-only event log. An append is idempotent on its key: a repeat returns the event
 * that the first append stored, marked as a duplicate. It runs inside the caller's transaction.
 */
import type { Queryable } from '@rapport/db'
import type { EventActor, ActorType } from './event-actor.js'
import { newEventId } from './event-id.js'

/** Where an event came from. */
export const EVENT_SOURCES = ['api', 'import', 'core', 'demo', 'plugin'] as const
export type EventSource = (typeof EVENT_SOURCES)[number]

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
  /** Who caused it; null for events logged before actors were recorded. */
  actor: EventActor | null
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
  /** Who caused it (a request's caller, a job, a system task). */
  actor: EventActor
}

type EventRow = {
  seq: number; id: string; type: string; customer_id: string | null; payload: string | Record<string, unknown>; occurred_at: string; recorded_at: string; source: EventSource
  actor_type: ActorType | null; actor_id: string | null
}

/** Maps a `core_events` row. @example rows.map(toStoredEvent) */
export const toStoredEvent = (r: EventRow): StoredEvent => ({
  id: r.id, seq: Number(r.seq), type: r.type, customerId: r.customer_id, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload, occurredAt: r.occurred_at, recordedAt: r.recorded_at, source: r.source,
  actor: r.actor_type === null ? null : { type: r.actor_type, id: r.actor_id },
})

const INSERT = `INSERT INTO core_events (id, idempotency_key, type, customer_id, payload, occurred_at, recorded_at, source, actor_type, actor_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING seq`
const SELECT_BY_KEY = 'SELECT * FROM core_events WHERE idempotency_key = ?'

/**
 * Appends an event, or returns the one already stored under the same key. Only `seq` comes back
 * from the insert: the rest of the new event is what was given (this is the ingest hot path).
 * @example
 * const { event, duplicate } = await appendEvent(tx, { type: 'order.completed', customerId, payload, occurredAt, idempotencyKey: 'ord-1', source: 'api', actor: { type: 'apiKey', id: keyId } }, now)
 */
export async function appendEvent(db: Queryable, input: NewEvent, now: Date): Promise<{ event: StoredEvent; duplicate: boolean }> {
  const id = newEventId()
  const recordedAt = now.toISOString()
  const row = await db.get<{ seq: number }>(INSERT, [
    id, input.idempotencyKey, input.type, input.customerId, JSON.stringify(input.payload), input.occurredAt, recordedAt, input.source, input.actor.type, input.actor.id,
  ])
  if (row) {
    const { type, customerId, payload, occurredAt, source, actor } = input
    return { event: { id, seq: Number(row.seq), type, customerId, payload, occurredAt, recordedAt, source, actor }, duplicate: false }
  }
  const first = await db.get<EventRow>(SELECT_BY_KEY, [input.idempotencyKey])
  return { event: toStoredEvent(first!), duplicate: true }
}

// Two statements rather than `seq < MAX_SAFE_INTEGER`, which overflows an integer column on PostgreSQL.
const CUSTOMER_EVENTS = 'SELECT * FROM core_events WHERE customer_id = ? ORDER BY seq DESC LIMIT ?'
const CUSTOMER_EVENTS_BEFORE = 'SELECT * FROM core_events WHERE customer_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'

/**
 * One customer's events, newest first, paged by `seq`.
 * @example const { items, nextCursor } = await listCustomerEvents(db, customerId, { limit: 50 })
 */
export async function listCustomerEvents(db: Queryable, customerId: string, { limit, beforeSeq }: { limit: number; beforeSeq?: number }): Promise<{ items: StoredEvent[]; nextBeforeSeq: number | null }> {
  const rows = beforeSeq === undefined
    ? await db.all<EventRow>(CUSTOMER_EVENTS, [customerId, limit + 1])
    : await db.all<EventRow>(CUSTOMER_EVENTS_BEFORE, [customerId, beforeSeq, limit + 1])
  const items = rows.slice(0, limit).map(toStoredEvent)
  return { items, nextBeforeSeq: rows.length > limit ? items[items.length - 1]!.seq : null }
}
