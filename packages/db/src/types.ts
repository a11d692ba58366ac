/**
 * @module
 * The portable database surface every Rapport package talks to: one small async API over
 * better-sqlite3 (default), PostgreSQL (`pg`) and PGlite (tests). SQL is written once with `?`
 * placeholders; the PostgreSQL adapters rewrite them to `$1..$n`.
 */
import type { Orm } from './drizzle/orm.js'

/** Which SQL engine is behind a {@link Database}. PGlite reports `'pg'`. */
export type Dialect = 'sqlite' | 'pg'

/** A value bound to a `?` placeholder. Booleans are stored as 0/1, times as ISO-8601 text, JSON as text. */
export type SqlValue = string | number | bigint | null | Uint8Array

/** One result row, keyed by column name (snake_case as in the table). */
export type Row = Record<string, unknown>

/** What both a database and an open transaction can do. Every statement is prepared and cached. */
export interface Queryable {
  readonly dialect: Dialect
  /** All rows of a query. @example await db.all<{ id: string }>('SELECT id FROM core_customers WHERE locale = ?', ['zh-CN']) */
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  /** The first row, or undefined. @example await db.get('SELECT * FROM core_customers WHERE id = ?', [id]) */
  get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>
  /** A write; `changes` counts the rows it touched. @example await db.run('DELETE FROM core_sessions WHERE expires_at < ?', [now]) */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>
  /** Several statements without parameters (DDL, migrations). @example await db.exec('CREATE TABLE a (id TEXT); CREATE TABLE b (id TEXT)') */
  exec(sql: string): Promise<void>
  /**
   * All rows as arrays of values in select order, for drizzle (`ormOf`): it maps rows by
   * position, so the same column name from two joined tables stays apart. Every database and
   * transaction has it; a hand-made wrapper may leave it out. @example await db.values('SELECT 1, 2') // [[1, 2]]
   */
  values?(sql: string, params?: readonly SqlValue[]): Promise<unknown[][]>
}

/**
 * A connection (SQLite file, PostgreSQL pool or PGlite). The host owns transactions:
 * `tx` serializes writers on SQLite (async lock + BEGIN IMMEDIATE) and uses a pooled
 * transaction on PostgreSQL; a throw or rejection rolls everything back.
 * @example
 * await db.tx(async (tx) => {
 *   await tx.run('INSERT INTO core_events (id, type) VALUES (?, ?)', [id, 'order.completed'])
 *   await tx.run('UPDATE core_customers SET updated_at = ? WHERE id = ?', [now, customerId])
 * })
 */
export interface Database extends Queryable {
  /** Runs `fn` in one transaction. A nested `db.tx` inside `fn` joins it through a savepoint. */
  tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Runs `fn` inside the innermost open transaction or savepoint, after its own work and before
   * it ends (COMMIT or RELEASE). One `key` runs once (a later call with the same key replaces the
   * earlier one's `fn`); keys run in the order they were first added; a rollback drops them. Work
   * that must see what the rest of the transaction wrote, once, however many times it was asked
   * for. Resolves false, registering nothing, outside any transaction.
   * @example await db.beforeCommit(`tiering:${customerId}`, (tx) => evaluate(tx, customerId))
   */
  beforeCommit(key: string, fn: (tx: Queryable) => Promise<void>): Promise<boolean>
  /** True when a trivial query answers. */
  ping(): Promise<boolean>
  /** Closes the connection(s); waits for a running transaction to finish first. */
  close(): Promise<void>
  /** The URL with any password removed, safe for logs. */
  readonly describe: string
  /** Drizzle over this database: inside `db.tx` its queries join that transaction (see `ormOf`). @example await db.orm.select().from(users) */
  readonly orm: Orm
  /** How many transactions can run at once: the PostgreSQL pool's size; 1 on SQLite and PGlite. */
  readonly connections: number
}
