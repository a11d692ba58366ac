/**
 * @module
 * A drizzle instance over any {@link Queryable}: the database, or a transaction it handed out.
 * drizzle's proxy drivers hand each statement to the Queryable, so a drizzle query goes where a
 * hand-written one would: inside `db.tx` it joins that transaction (createDatabase routes the
 * database's calls to the open transaction of the caller's async context), reads outside one
 * use SQLite's reader connection, writes take the writer lock, PostgreSQL uses the pool, and the
 * driver's statement cache (SQLite) and named statements (PostgreSQL) serve drizzle's SQL too.
 * drizzle's own transactions are not used: the host owns transactions (`db.tx`).
 */
import { drizzle as pgProxy, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy'
import { drizzle as sqliteProxy } from 'drizzle-orm/sqlite-proxy'
import type { Queryable, SqlValue } from '../types.js'

/**
 * Drizzle over a Rapport database or transaction, typed by the PostgreSQL face (column-kit.ts):
 * await builders, `.returning()` to count or read what a write touched, `.prepare(name)` and
 * `.execute(values)` for statements with `sql.placeholder`.
 * @example
 * const rows = await ormOf(db).select().from(users).where(eq(users.id, id))
 */
export type Orm = PgRemoteDatabase

const orms = new WeakMap<Queryable, Orm>()

/**
 * The drizzle instance of a database or transaction (one per Queryable, kept while it lives).
 * @param q - a Database, or the `tx` of `db.tx`
 * @example
 * await db.tx(async (tx) => { await ormOf(tx).delete(sessions).where(eq(sessions.userId, id)) })
 */
export function ormOf(q: Queryable): Orm {
  let orm = orms.get(q)
  if (orm === undefined) {
    orm = q.dialect === 'sqlite' ? (sqliteOrm(q) as unknown as Orm) : pgOrm(q)
    orms.set(q, orm)
  }
  return orm
}

/**
 * Rows as arrays, in select order: drizzle maps them to objects by position, so two columns of
 * one name (the `id` of each joined table) stay apart. A Queryable without `values` (a test's
 * wrapper) falls back to its objects' values, right unless a join repeats a column name.
 */
const valuesOf = (q: Queryable, sql: string, params: readonly SqlValue[]): Promise<unknown[][]> =>
  q.values ? q.values(sql, params) : q.all(sql, params).then((rows) => rows.map((row) => Object.values(row)))

function sqliteOrm(q: Queryable) {
  return sqliteProxy(async (sql, params, method) => {
    if (method === 'run') return { rows: [], ...(await q.run(sql, params)) }
    const rows = await valuesOf(q, sql, params)
    return { rows: method === 'get' ? rows[0] : rows } as { rows: unknown[] }
  })
}

function pgOrm(q: Queryable): Orm {
  // 'all' is a query whose fields drizzle maps (arrays); 'execute' a raw `sql` or a write without RETURNING.
  return pgProxy(async (sql, params, method) => ({ rows: method === 'all' ? await valuesOf(q, sql, params) : await q.all(sql, params) }))
}
