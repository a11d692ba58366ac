/**
 * @module
 * Reads the event log newest first, optionally by type and customer, a page at a time.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js'
import { toStoredEvent, type StoredEvent } from './event-log.js'

/** Filters and paging of {@link listEvents}. */
export type ListEventsQuery = { type?: string; customerId?: string; limit?: number; cursor?: string }

type EventRow = Parameters<typeof toStoredEvent>[0]

// One constant SQL string per filter combination, so each is prepared once and reused.
const sqlByShape = new Map<string, string>()
function sqlFor(type: boolean, customer: boolean, after: boolean): string {
  const shape = `${+type}${+customer}${+after}`
  let sql = sqlByShape.get(shape)
  if (!sql) {
    const where = [type && 'type = ?', customer && 'customer_id = ?', after && 'seq < ?'].filter(Boolean)
    sql = `SELECT * FROM core_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`
    sqlByShape.set(shape, sql)
  }
  return sql
}

/**
 * One page of events, newest first; `nextCursor` is null on the last page.
 * @example const { items, nextCursor } = await listEvents(db, { type: 'order.completed', limit: 50 })
 */
export async function listEvents(db: Queryable, { type, customerId, limit = 50, cursor }: ListEventsQuery): Promise<{ items: StoredEvent[]; nextCursor: string | null }> {
  const beforeSeq = cursor === undefined ? undefined : decodeEventCursor(cursor)
  const params: SqlValue[] = []
  if (type !== undefined) params.push(type)
  if (customerId !== undefined) params.push(customerId)
  if (beforeSeq !== undefined) params.push(beforeSeq)
  params.push(limit + 1)
  const rows = await db.all<EventRow>(sqlFor(type !== undefined, customerId !== undefined, beforeSeq !== undefined), params)
  const items = rows.slice(0, limit).map(toStoredEvent)
  return { items, nextCursor: rows.length > limit ? encodeEventCursor(items[items.length - 1]!.seq) : null }
}
