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
  // A hit only stamps its entry: reordering a Map on every hit (delete + set) cost more than
  // the lookup on the ingest path. The rare eviction scans for the oldest stamp instead.
  const map = new Map<string, { statement: BetterSqlite3.Statement; used: number }>()
  let clock = 0
  const evictOldest = () => {
    let oldest: string | undefined
    let oldestUse = Number.POSITIVE_INFINITY
    for (const [sql, entry] of map) {
      if (entry.used < oldestUse) {
        oldest = sql
        oldestUse = entry.used
      }
    }
    if (oldest !== undefined) map.delete(oldest)
  }
  return {
    get size() {
      return map.size
    },
    get(sql) {
      const hit = map.get(sql)
      if (hit !== undefined) {
        hit.used = ++clock
        return hit.statement
      }
      const statement = db.prepare(sql)
      if (map.size >= limit) evictOldest()
      map.set(sql, { statement, used: ++clock })
      return statement
    },
  }
}
