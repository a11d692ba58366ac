/**
 * @module
 * Reads deliveries newest first, optionally by state and subscriber, a page at a time.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { decodeCursor, encodeCursor } from '../customers/cursor.js'
import { toDelivery, type Delivery, type DeliveryRow, type DeliveryState } from './delivery-row.js'

/** Filters and paging of {@link listDeliveries}. */
export type ListDeliveriesQuery = { state?: DeliveryState; subscriber?: string; limit?: number; cursor?: string }

const SORT = 'deliveries:-createdAt'
const sqlByShape = new Map<string, string>()

// One constant SQL string per filter combination, so each is prepared once and reused.
function sqlFor(state: boolean, subscriber: boolean, after: boolean): string {
  const shape = `${+state}${+subscriber}${+after}`
  let sql = sqlByShape.get(shape)
  if (!sql) {
    const where = [state && 'state = ?', subscriber && 'subscriber = ?', after && '(created_at < ? OR (created_at = ? AND id < ?))'].filter(Boolean)
    sql = `SELECT * FROM core_deliveries${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`
    sqlByShape.set(shape, sql)
  }
  return sql
}

/**
 * One page of deliveries, newest first; `nextCursor` is null on the last page. A cursor this
 * listing did not issue is REQUEST_INVALID_CURSOR (400).
 * @example const { items, nextCursor } = await listDeliveries(db, { state: 'dead', limit: 50 })
 */
export async function listDeliveries(db: Queryable, { state, subscriber, limit = 50, cursor }: ListDeliveriesQuery): Promise<{ items: Delivery[]; nextCursor: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, SORT)
  const params: SqlValue[] = []
  if (state !== undefined) params.push(state)
  if (subscriber !== undefined) params.push(subscriber)
  if (after !== undefined) params.push(String(after.key), String(after.key), after.id)
  params.push(limit + 1)
  const rows = await db.all<DeliveryRow>(sqlFor(state !== undefined, subscriber !== undefined, after !== undefined), params)
  const items = rows.slice(0, limit).map(toDelivery)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(SORT, { key: last.createdAt, id: last.id }) : null }
}
