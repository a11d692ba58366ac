/**
 * @module
 * The async {@link Queryable} face of one synchronous better-sqlite3 connection, with no locking:
 * callers decide when it is safe to use (inside the writer lock, or a read-only statement on the reader).
 */
import type BetterSqlite3 from 'better-sqlite3'
import { bindParams } from './bind-params.js'
import type { StatementCache } from './statement-cache.js'
import type { Queryable, Row } from './types.js'

/**
 * Wraps a connection and its statement cache. `all`/`get` also run statements that return no
 * rows (better-sqlite3 refuses `.all()` on them), and `INSERT ... RETURNING` works through them.
 * @param conn - the better-sqlite3 connection (for `exec`)
 * @param statements - that connection's prepared statements
 * @example
 * const q = sqliteQueryable(conn, createStatementCache(conn))
 * await q.get<{ id: number }>('INSERT INTO t (name) VALUES (?) RETURNING id', ['a'])
 */
export function sqliteQueryable(conn: BetterSqlite3.Database, statements: StatementCache): Queryable {
  return {
    dialect: 'sqlite',
    async all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const statement = statements.get(sql)
      const values = bindParams(params)
      if (!statement.reader) {
        statement.run(...values)
        return []
      }
      return statement.all(...values) as T[]
    },
    async get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
      const statement = statements.get(sql)
      const values = bindParams(params)
      if (!statement.reader) {
        statement.run(...values)
        return undefined
      }
      return statement.get(...values) as T | undefined
    },
    async run(sql, params) {
      return { changes: statements.get(sql).run(...bindParams(params)).changes }
    },
    async values(sql, params) {
      const statement = statements.get(sql)
      const bound = bindParams(params)
      if (!statement.reader) {
        statement.run(...bound)
        return []
      }
      // Raw mode is a flag of the cached statement, shared with all/get: set for this synchronous call only.
      statement.raw(true)
      try {
        return statement.all(...bound) as unknown[][]
      } finally {
        statement.raw(false)
      }
    },
    async exec(sql) {
      conn.exec(sql)
    },
  }
}
