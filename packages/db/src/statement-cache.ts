/**
 * @module
 * Preparing a statement costs more than running it on the hot paths (ingest, points), so each
 * SQLite connection keeps its prepared statements, bounded so ad-hoc SQL cannot grow it forever.
 */
import type BetterSqlite3 from 'better-sqlite3'

/**
 * Prepared statements of one connection, keyed by SQL text.
 * @example
 * const cache: StatementCache = createStatementCache(conn)
 */
export interface StatementCache {
  /**
   * The cached statement for `sql`, prepared on first use.
   * @param sql - one SQL statement
   */
  get(sql: string): BetterSqlite3.Statement
  /** How many statements are cached. */
  readonly size: number
}

/**
 * Creates a least-recently-used cache over `db.prepare`.
 * @param db - the connection that owns the statements
 * @param limit - how many statements to keep; the least recently used one is dropped first
 * @example
 * const statements = createStatementCache(conn, 300)
 * statements.get('SELECT * FROM core_customers WHERE id = ?').get(id)
 */
export function createStatementCache(db: BetterSqlite3.Database, limit = 300): StatementCache {
  const map = new Map<string, BetterSqlite3.Statement>()
  return {
    get size() {
      return map.size
    },
    get(sql) {
      const hit = map.get(sql)
      if (hit !== undefined) {
        // Re-insert so Map order stays least-recently-used first.
        map.delete(sql)
        map.set(sql, hit)
        return hit
      }
      const statement = db.prepare(sql)
      if (map.size >= limit) map.delete(map.keys().next().value as string)
      map.set(sql, statement)
      return statement
    },
  }
}
