/**
 * @module
 * Reads recorded profile changes: one field's history (with the events that caused it) and the
 * changes caused by a range of events.
 */
import type { Queryable } from '@rapport/db'
import type { ProfileValue } from '../plugins/contract.js'
import type { ProfileOp } from './next-value.js'
import type { ProfileChangeView } from './profile-schemas.js'

type ChangeRow = {
  seq: number; field: string; op: ProfileOp; operand: string | null; previous: string | null; next: string | null
  source_kind: 'rule' | 'plugin'; source_id: string; source_version: number | null; plugin: string; event_seq: number | null; at: string
  event_id?: string | null; event_type?: string | null; event_occurred_at?: string | null
}

const COLUMNS = 'c.seq, c.field, c.op, c.operand, c.previous, c.next, c.source_kind, c.source_id, c.source_version, c.plugin, c.event_seq, c.at'
const FIELD_HISTORY = `SELECT ${COLUMNS}, e.id AS event_id, e.type AS event_type, e.occurred_at AS event_occurred_at
  FROM core_profile_changes c LEFT JOIN core_events e ON e.seq = c.event_seq
  WHERE c.customer_id = ? AND c.field = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`
const BY_EVENTS = `SELECT ${COLUMNS} FROM core_profile_changes c
  WHERE c.customer_id = ? AND c.event_seq >= ? AND c.event_seq <= ? ORDER BY c.seq`

const parse = (text: string | null): ProfileValue => (text === null ? null : (JSON.parse(text) as ProfileValue))

const toView = (r: ChangeRow): ProfileChangeView & { seq: number; eventSeq: number | null } => ({
  seq: Number(r.seq), eventSeq: r.event_seq === null ? null : Number(r.event_seq),
  field: r.field, at: r.at, op: r.op, operand: parse(r.operand), previous: parse(r.previous), next: parse(r.next),
  source: { kind: r.source_kind, id: r.source_id, version: r.source_version === null ? null : Number(r.source_version) },
  plugin: r.plugin,
  event: r.event_id ? { id: r.event_id, type: r.event_type ?? '', occurredAt: r.event_occurred_at ?? '' } : null,
})

/**
 * One field's changes after `afterSeq`, oldest first, each with its event.
 * @example const page = await fieldHistory(db, customerId, 'points.balance', { afterSeq: 0, limit: 200 })
 */
export async function fieldHistory(db: Queryable, customerId: string, field: string, { afterSeq, limit }: { afterSeq: number; limit: number }) {
  const rows = await db.all<ChangeRow>(FIELD_HISTORY, [customerId, field, afterSeq, limit + 1])
  const items = rows.slice(0, limit).map(toView)
  return { items, nextAfterSeq: rows.length > limit ? items[items.length - 1]!.seq : null }
}

/**
 * The changes caused by the customer's events with seq in [fromSeq, toSeq], by event seq.
 * @example const byEvent = await changesByEvent(db, customerId, 10, 60); byEvent.get(42) // [...]
 */
export async function changesByEvent(db: Queryable, customerId: string, fromSeq: number, toSeq: number) {
  const byEvent = new Map<number, Array<Omit<ProfileChangeView, 'event'>>>()
  for (const row of await db.all<ChangeRow>(BY_EVENTS, [customerId, fromSeq, toSeq])) {
    const { seq: _seq, eventSeq, event: _event, ...change } = toView(row)
    if (eventSeq === null) continue
    const list = byEvent.get(eventSeq)
    if (list) list.push(change)
    else byEvent.set(eventSeq, [change])
  }
  return byEvent
}
