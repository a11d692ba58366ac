/**
 * @module
 * The seam between the driver-specific code (SQLite, PostgreSQL pool, PGlite) and the shared
 * transaction logic in `create-database.ts`.
 */
import type { Dialect, Queryable } from './types.js'

/**
 * What each driver provides; `createDatabase` adds transaction joining, savepoints and `DB_CLOSED`.
 * @example
 * const db = createDatabase(await openSqliteAdapter(target, log), log)
 */
export interface DriverAdapter {
  readonly dialect: Dialect
  /** The URL without password. */
  readonly describe: string
  /** How many transactions can run at once (a pool's size); 1 when absent. */
  readonly connections?: number
  /** Statements outside any transaction. Writes here must wait for an open transaction, never join it. */
  readonly direct: Queryable
  /**
   * Runs `fn` in a new top-level transaction on one connection: commits when it resolves,
   * rolls back and rethrows the original error when it throws or rejects.
   * @param fn - receives a Queryable bound to the transaction's connection
   */
  transaction<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>
  /** Waits for the running transaction, then closes every connection. */
  close(): Promise<void>
}

/**
 * A log sink; the default drops messages.
 * @example
 * const log: LogFn = (msg) => logger.info({ component: 'db' }, msg)
 */
export type LogFn = (msg: string) => void
