/**
 * @module
 * Builds the query config node-postgres runs for `all`/`get`/`run`.
 */
import { createHash } from 'node:crypto'
import { bindParams } from './bind-params.js'
import { toPgPlaceholders } from './placeholders.js'
import type { SqlValue } from './types.js'

/**
 * A named prepared statement for node-postgres.
 * @example
 * await pool.query(pgQuery('SELECT 1 AS ok', []) satisfies PgQueryConfig)
 */
export type PgQueryConfig = { name: string; text: string; values: SqlValue[] }

/**
 * A named prepared statement: PostgreSQL parses and plans it once per pooled connection and
 * reuses the plan afterwards. The name is a short hash of the SQL, so equal SQL shares one
 * statement and different SQL can never collide with an existing name on that connection.
 * @param sql - SQL with `?` placeholders
 * @param params - values for the placeholders
 * @example
 * pgQuery('SELECT * FROM core_customers WHERE id = ?', ['c_1'])
 * // { name: 'r_3f2a…', text: 'SELECT * FROM core_customers WHERE id = $1', values: ['c_1'] }
 */
export function pgQuery(sql: string, params: readonly unknown[] | undefined): PgQueryConfig {
  let named = prepared.get(sql)
  if (named === undefined) {
    named = { name: `r_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: toPgPlaceholders(sql) }
    // Bounded like the SQLite statement cache: ad-hoc SQL must not grow it forever.
    if (prepared.size >= MAX_PREPARED) prepared.clear()
    prepared.set(sql, named)
  }
  return { name: named.name, text: named.text, values: bindParams(params) }
}

/** Name and rewritten text by SQL: hashing and rewriting every query cost more CPU than the hot-path statements' own work. */
const prepared = new Map<string, { name: string; text: string }>()
const MAX_PREPARED = 2000
