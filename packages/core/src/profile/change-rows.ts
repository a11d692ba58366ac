/**
 * @module
 * Reads recorded profile changes (packed, {@link unpackChanges}): one field's history (with the
 * events that caused it) and the changes caused by a range of events. A change is addressed by
 * `rowSeq * CHANGES_PER_ROW + its index in the row`, in the order the changes were made (`seq`
 * counts one customer's rows since migration 0022).
 */
import type { Queryable } from '@rapport/db'
import { CHANGES_PER_ROW, unpackChanges } from './packed-changes.js'
import type { ProfileChangeView } from './profile-schemas.js'

type ChangeRow = {
  seq: number; event_seq: number | null; plugin: string; at: string; changes: string
  event_id?: string | null; event_type?: string | null; event_occurred_at?: string | null
}

type KeyedChange = ProfileChangeView & { seq: number; eventSeq: number | null }

// A NULL `at` is the event's occurred_at (migration 0022).
const COLUMNS = 'c.seq, c.event_seq, c.plugin, COALESCE(c.at, e.occurred_at) AS at, c.changes'
// Both queries walk the (customer_id, seq) key; a customer holds a few rows per order.
const FIELD_ROWS = `SELECT ${COLUMNS}, e.id AS event_id, e.type AS event_type, e.occurred_at AS event_occurred_at
  FROM core_profile_changes c LEFT JOIN core_events e ON e.seq = c.event_seq
  WHERE c.customer_id = ? AND c.plugin = ? AND c.seq >= ? ORDER BY c.seq LIMIT ?`
const BY_EVENTS = `SELECT ${COLUMNS} FROM core_profile_changes c LEFT JOIN core_events e ON e.seq = c.event_seq
  WHERE c.customer_id = ? AND c.event_seq >= ? AND c.event_seq <= ? ORDER BY c.seq`

/** Each change of a row as the API shows it, with its key. */
function* changesOf(r: ChangeRow): Generator<KeyedChange> {
  const seq = Number(r.seq)
  const eventSeq = r.event_seq === null ? null : Number(r.event_seq)
  const event = r.event_id ? { id: r.event_id, type: r.event_type ?? '', occurredAt: r.event_occurred_at ?? '' } : null
  let index = 0
  for (const c of unpackChanges(r.changes)) {
    yield { seq: seq * CHANGES_PER_ROW + index++, eventSeq, field: c.field, at: r.at, op: c.op, operand: c.operand, previous: c.previous, next: c.next, source: c.source, plugin: r.plugin, event }
  }
}

/**
 * One field's changes after the change keyed `afterSeq` (0: from the start), oldest first, each
 * with its event. Only the rows of `plugin`, the field's owner, are read.
 * @example const page = await fieldHistory(db, customerId, 'points.balance', { plugin: 'points-membership', afterSeq: 0, limit: 200 })
 */
export async function fieldHistory(db: Queryable, customerId: string, field: string, { plugin, afterSeq, limit }: { plugin: string; afterSeq: number; limit: number }) {
  const items: KeyedChange[] = []
  const rowsPerRead = Math.max(limit + 1, 100)
  let from = Math.floor(afterSeq / CHANGES_PER_ROW)
  for (;;) {
    const rows = await db.all<ChangeRow>(FIELD_ROWS, [customerId, plugin, from, rowsPerRead])
    for (const row of rows) {
      for (const change of changesOf(row)) if (change.seq > afterSeq && change.field === field) items.push(change)
      if (items.length > limit) break
    }
    if (items.length > limit || rows.length < rowsPerRead) break
    from = Number(rows[rows.length - 1]!.seq) + 1
  }
  const page = items.slice(0, limit)
  return { items: page, nextAfterSeq: items.length > limit ? page[page.length - 1]!.seq : null }
}

/**
 * The changes caused by the customer's events with seq in [fromSeq, toSeq], by event seq.
 * @example const byEvent = await changesByEvent(db, customerId, 10, 60); byEvent.get(42) // [...]
 */
export async function changesByEvent(db: Queryable, customerId: string, fromSeq: number, toSeq: number) {
  const byEvent = new Map<number, Array<Omit<ProfileChangeView, 'event'>>>()
  for (const row of await db.all<ChangeRow>(BY_EVENTS, [customerId, fromSeq, toSeq])) {
    for (const { seq: _seq, eventSeq, event: _event, ...change } of changesOf(row)) {
      if (eventSeq === null) continue
      const list = byEvent.get(eventSeq)
      if (list) list.push(change)
      else byEvent.set(eventSeq, [change])
    }
  }
  return byEvent
}
