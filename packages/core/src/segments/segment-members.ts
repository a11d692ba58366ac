/**
 * @module
 * Who is in a segment now: the count, keyset pages by customer id, and membership of one
 * customer. Erased customers are never members. All of it is one SQL query per call.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { decodeCursor, encodeCursor } from '../customers/cursor.js'
import type { CustomerRow } from '../customers/customer-row.js'
import { segmentErrors } from '../errors/index.js'
import { RapportError } from '../errors/rapport-error.js'
import type { FieldSpec } from '../plugins/contract.js'
import type { SqlCondition } from '../profile/profile-filter.js'
import type { Segment } from './segment-schemas.js'
import { segmentCondition } from './segment-sql.js'

/**
 * The SQL of a saved segment; SEGMENT_STALE (409) when a field it uses is no longer declared
 * (its plugin was disabled) or no longer takes the value.
 * @example const where = savedSegmentCondition(fields, segment)
 */
export function savedSegmentCondition(fields: ReadonlyMap<string, FieldSpec>, segment: Segment): SqlCondition {
  try {
    return segmentCondition(fields, segment.definition)
  } catch (err) {
    if (err instanceof RapportError && err.code === 'REQUEST_INVALID') throw segmentErrors.STALE({ segmentId: segment.id, problem: err.message.replace(/^Invalid request: /, '') })
    throw err
  }
}

const members = (where: SqlCondition) => ({ sql: `erased_at IS NULL AND ${where.sql}`, params: where.params })

/**
 * How many customers a definition selects.
 * @example const n = await countMembers(s.db, segmentCondition(fields, definition))
 */
export async function countMembers(db: Queryable, where: SqlCondition): Promise<number> {
  const m = members(where)
  const row = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM core_customers WHERE ${m.sql}`, m.params)
  return Number(row?.n ?? 0)
}

/**
 * One page of a segment's customers by id, and the cursor of the next page (null on the last).
 * @example const { rows, nextCursor } = await pageMembers(s.db, segment.id, where, { limit: 50 })
 */
export async function pageMembers(db: Queryable, segmentId: string, where: SqlCondition, page: { limit: number; cursor?: string | undefined }): Promise<{ rows: CustomerRow[]; nextCursor: string | null }> {
  const m = members(where)
  const sort = `segment:${segmentId}`
  const after: SqlValue[] = page.cursor === undefined ? [] : [decodeCursor(page.cursor, sort).id]
  const rows = await db.all<CustomerRow>(
    `SELECT * FROM core_customers WHERE ${m.sql}${after.length ? ' AND id > ?' : ''} ORDER BY id LIMIT ?`,
    [...m.params, ...after, page.limit + 1],
  )
  const items = rows.slice(0, page.limit)
  const last = items[items.length - 1]
  return { rows: items, nextCursor: rows.length > page.limit && last ? encodeCursor(sort, { key: last.id, id: last.id }) : null }
}

/**
 * Every page of a segment's customers, read one page at a time (for the CSV export).
 * @example for await (const rows of memberPages(s.db, segment.id, where)) write(rows)
 */
export async function* memberPages(db: Queryable, segmentId: string, where: SqlCondition, pageSize = 500): AsyncGenerator<CustomerRow[]> {
  let cursor: string | undefined
  do {
    const page = await pageMembers(db, segmentId, where, { limit: pageSize, cursor })
    if (page.rows.length > 0) yield page.rows
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
}

/**
 * Whether one customer is in a definition's segment now.
 * @example await containsCustomer(tx, segmentCondition(fields, definition), customerId)
 */
export async function containsCustomer(db: Queryable, where: SqlCondition, customerId: string): Promise<boolean> {
  const m = members(where)
  return (await db.get(`SELECT id FROM core_customers WHERE id = ? AND ${m.sql}`, [customerId, ...m.params])) !== undefined
}

