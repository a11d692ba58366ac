/**
 * @module
 * The customer list: filters and keyset pagination (sort key, then id, so ties are stable), in
 * SQL that runs unchanged on SQLite and PostgreSQL. Email and phone match through keyed hashes.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { normalizeEmail, normalizePhone } from '../crypto/pii-cipher.js'
import { parseProfileFilter, profileFieldOf } from '../profile/profile-filter.js'
import { selectByProfileSort } from '../profile/profile-sort.js'
import type { CoreServices } from '../services.js'
import { toCustomer, type CustomerRow } from './customer-row.js'
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js'
import { canonicalLocale, isLocale } from './field-schemas.js'
import type { Customer, CustomerSort, ListCustomersQuery } from './schemas.js'

/** One page of customers and the cursor of the next, null on the last page. */
export type CustomerPage = { items: Customer[]; nextCursor: string | null }

const createdKey = (r: CustomerRow) => (r.created_at instanceof Date ? r.created_at.toISOString() : r.created_at)
const nameKey = (r: CustomerRow) => r.name ?? ''

/** Each sort: its SQL expression (nulls sort as ''), direction, and how to read the key from a row. */
const SORT_KEYS: Record<CustomerSort, { expr: string; desc: boolean; of: (r: CustomerRow) => string }> = {
  createdAt: { expr: 'created_at', desc: false, of: createdKey },
  '-createdAt': { expr: 'created_at', desc: true, of: createdKey },
  name: { expr: "COALESCE(name, '')", desc: false, of: nameKey },
  '-name': { expr: "COALESCE(name, '')", desc: true, of: nameKey },
}

const isCoreSort = (sort: string): sort is CustomerSort => Object.hasOwn(SORT_KEYS, sort)

/** Escapes LIKE wildcards with `!` as the escape character. */
const escapeLike = (v: string) => v.replace(/[!%_]/g, (ch) => `!${ch}`)

/** `2026-06-01` → its first instant; a date-time → itself, in UTC. */
const startOf = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00.000Z` : v).toISOString()
/** `2026-06-01` → its last millisecond; a date-time → itself, in UTC. */
const endOf = (v: string) => new Date(v.length === 10 ? `${v}T23:59:59.999Z` : v).toISOString()

/**
 * Lists customers matching the query, one page at a time. `filter` and a `sort` on a profile
 * field (`-points.balance`) work on the shared profile; an unknown field or operator is a 400.
 * @example
 * const page = await listCustomers(s.db, s, { limit: 50, sort: '-createdAt', includeErased: 'false', q: 'wang' })
 * const next = await listCustomers(s.db, s, { ..., cursor: page.nextCursor })
 */
export async function listCustomers(db: Queryable, s: CoreServices, query: ListCustomersQuery): Promise<CustomerPage> {
  const where: string[] = []
  const params: SqlValue[] = []
  const add = (sql: string, ...values: SqlValue[]) => { where.push(sql); params.push(...values) }

  if (query.includeErased !== 'true') add('erased_at IS NULL')
  if (query.q !== undefined) {
    add("(LOWER(name) LIKE ? ESCAPE '!' OR external_id = ? OR email_hash = ?)", `%${escapeLike(query.q.toLowerCase())}%`, query.q, s.pii.hash(normalizeEmail(query.q)))
  }
  if (query.email !== undefined) add('email_hash = ?', s.pii.hash(normalizeEmail(query.email)))
  if (query.phone !== undefined) add('phone_hash = ?', s.pii.hash(normalizePhone(query.phone)))
  if (query.externalId !== undefined) add('external_id = ?', query.externalId)
  if (query.locale !== undefined) add('locale = ?', isLocale(query.locale) ? canonicalLocale(query.locale) : query.locale)
  if (query.createdFrom !== undefined) add('created_at >= ?', startOf(query.createdFrom))
  if (query.createdTo !== undefined) add('created_at <= ?', endOf(query.createdTo))

  const filters = query.filter === undefined ? [] : Array.isArray(query.filter) ? query.filter : [query.filter]
  for (const raw of filters) {
    const { sql, params: values } = parseProfileFilter(s.runtime.fields(), raw)
    add(sql, ...values)
  }

  if (!isCoreSort(query.sort)) {
    const field = query.sort.replace(/^-/, '')
    const spec = profileFieldOf(s.runtime.fields(), field, 'sort')
    const { rows, nextCursor } = await selectByProfileSort<CustomerRow>(db, { sort: query.sort, field, spec, where, params, limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) })
    return { items: rows.map((r) => toCustomer(r, s.pii)), nextCursor }
  }
  const sort = SORT_KEYS[query.sort]
  const op = sort.desc ? '<' : '>'
  if (query.cursor !== undefined) {
    const { key, id } = decodeCursor(query.cursor, query.sort)
    if (typeof key !== 'string') throw invalidCursor()
    add(`(${sort.expr} ${op} ? OR (${sort.expr} = ? AND id ${op} ?))`, key, key, id)
  }

  const dir = sort.desc ? 'DESC' : 'ASC'
  const rows = await db.all<CustomerRow>(
    `SELECT * FROM core_customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${sort.expr} ${dir}, id ${dir} LIMIT ?`,
    [...params, query.limit + 1],
  )
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > query.limit && last ? encodeCursor(query.sort, { key: sort.of(last), id: last.id }) : null
  return { items: page.map((r) => toCustomer(r, s.pii)), nextCursor }
}
