/**
 * @module
 * Sorting the customer list by a profile field (`points.balance`, `-points.balance`), keyset-
 * paginated on (value, id). Customers holding a value come first, in index order of
 * (field, value, customer_id); customers without one follow, by id in the same direction.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { decodeCursor, encodeCursor, invalidCursor } from '../customers/cursor.js'
import type { FieldSpec } from '../plugins/contract.js'
import { valueColumn } from './profile-filter.js'

/** What {@link selectByProfileSort} needs. */
export type ProfileSortQuery = {
  /** The sort as the caller wrote it, e.g. `-points.balance`; cursors are bound to it. */
  sort: string
  field: string
  spec: FieldSpec
  /** Conditions on `core_customers` columns (unqualified) and their parameters. */
  where: readonly string[]
  params: readonly SqlValue[]
  limit: number
  cursor?: string
}

type SortValue = number | string | null

/** Reads a cursor's (value, id); the value must be of the column's type. */
function positionOf(query: ProfileSortQuery, numeric: boolean): { value: SortValue; id: string } | undefined {
  if (query.cursor === undefined) return undefined
  const { key, id } = decodeCursor(query.cursor, query.sort)
  let value: unknown
  try {
    value = JSON.parse(String(key))
  } catch {
    throw invalidCursor()
  }
  if (value !== null && typeof value !== (numeric ? 'number' : 'string')) throw invalidCursor()
  return { value: value as SortValue, id }
}

/**
 * One page of customer rows sorted by a profile field, and the cursor of the next page.
 * @example
 * const { rows, nextCursor } = await selectByProfileSort(db, { sort: '-points.balance', field: 'points.balance', spec, where, params, limit: 50 })
 */
export async function selectByProfileSort<R extends { id: string }>(db: Queryable, query: ProfileSortQuery): Promise<{ rows: R[]; nextCursor: string | null }> {
  const column = valueColumn(query.spec.kind)
  const desc = query.sort.startsWith('-')
  const [dir, op] = desc ? ['DESC', '<'] : ['ASC', '>']
  const after = positionOf(query, column === 'num_value')
  const extra = query.where.length ? ` AND ${query.where.join(' AND ')}` : ''
  const rows: Array<R & { sort_value: SortValue }> = []

  if (after === undefined || after.value !== null) {
    const keyset = after ? ` AND (pv.${column} ${op} ? OR (pv.${column} = ? AND pv.customer_id ${op} ?))` : ''
    const sql = `SELECT core_customers.*, pv.${column} AS sort_value FROM core_profile_values pv JOIN core_customers ON core_customers.id = pv.customer_id
      WHERE pv.field = ? AND pv.${column} IS NOT NULL${keyset}${extra} ORDER BY pv.${column} ${dir}, pv.customer_id ${dir} LIMIT ?`
    const keyParams = after ? [after.value, after.value, after.id] : []
    rows.push(...(await db.all<R & { sort_value: SortValue }>(sql, [query.field, ...keyParams, ...query.params, query.limit + 1])))
  }
  if (rows.length <= query.limit) {
    const keyset = after?.value === null ? ` AND id ${op} ?` : ''
    const sql = `SELECT *, NULL AS sort_value FROM core_customers
      WHERE id NOT IN (SELECT customer_id FROM core_profile_values WHERE field = ? AND ${column} IS NOT NULL)${keyset}${extra} ORDER BY id ${dir} LIMIT ?`
    const keyParams = after?.value === null ? [after.id] : []
    rows.push(...(await db.all<R & { sort_value: SortValue }>(sql, [query.field, ...keyParams, ...query.params, query.limit + 1 - rows.length])))
  }

  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > query.limit && last
    ? encodeCursor(query.sort, { key: JSON.stringify(last.sort_value === null ? null : column === 'num_value' ? Number(last.sort_value) : last.sort_value), id: last.id })
    : null
  return { rows: page, nextCursor }
}
