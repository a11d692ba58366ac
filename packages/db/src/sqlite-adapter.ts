/**
 * @module
 * SQLite through better-sqlite3. One writer connection behind an async lock (its transactions
 * are synchronous, so the lock is what keeps a second request out of an open transaction) and,
 * for files, a read-only connection: in WAL mode it reads the last committed state while the
 * writer holds a transaction, so reads outside `tx` neither wait nor see uncommitted rows.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createMutex } from './async-mutex.js'
import type { DriverAdapter, LogFn } from './driver-adapter.js'
import { createStatementCache } from './statement-cache.js'
import { sqliteQueryable } from './sqlite-queryable.js'
import type { Queryable } from './types.js'

/**
 * Opens a SQLite file (creating its folder) or `:memory:`.
 * @param target - `path` is absolute or `:memory:`; `describe` is `sqlite:<path>`
 * @param log - receives a failed ROLLBACK (the original error is what gets thrown)
 * @example
 * const adapter = await openSqliteAdapter({ path: '/var/lib/rapport/rapport.db', describe: 'sqlite:/var/lib/rapport/rapport.db' }, console.log)
 */
export async function openSqliteAdapter(target: { path: string; describe: string }, log: LogFn): Promise<DriverAdapter> {
  const { default: BetterSqlite3 } = await import('better-sqlite3')
  const memory = target.path === ':memory:'
  if (!memory) mkdirSync(dirname(target.path), { recursive: true })

  const writer = new BetterSqlite3(target.path)
  writer.pragma('journal_mode = WAL')
  writer.pragma('foreign_keys = ON')
  writer.pragma('busy_timeout = 5000')
  writer.pragma('synchronous = NORMAL')
  // A savepoint writes the pages it changes to a temporary file by default, and the event bus opens
  // one per event for the plugins' in-transaction subscribers: kept in memory, that costs nothing.
  // The reader keeps the default, so a large sort spills to disk.
  writer.pragma('temp_store = MEMORY')
  // The COMMIT that passes this many WAL pages copies them all into the database file (with two
  // fsyncs), on the event loop. SQLite's default, 1,000 pages, is a few hundred orders here, and
  // the pages every order touches (index interiors, table tails) were copied again each time:
  // 4,000 took 16% less CPU (micro-benchmark on a copy of the demo database). Commits stay as
  // durable (WAL, synchronous=NORMAL); the WAL file keeps up to about 16 MB between checkpoints.
  writer.pragma('wal_autocheckpoint = 4000')
  // A second :memory: connection would be a second, empty database, so memory mode shares one.
  const reader = memory ? writer : new BetterSqlite3(target.path, { readonly: true, fileMustExist: true })
  if (reader !== writer) reader.pragma('busy_timeout = 5000')

  const lock = createMutex()
  const writes = sqliteQueryable(writer, createStatementCache(writer))
  const readStatements = createStatementCache(reader)
  const reads = sqliteQueryable(reader, readStatements)

  // A statement may go to the reader only if it cannot write (INSERT ... RETURNING comes through
  // all/get too). With one connection, reads also take the lock: otherwise they would see the
  // uncommitted rows of a transaction that is waiting on an await.
  const readerFor = (sql: string): Queryable | undefined =>
    reader !== writer && readStatements.get(sql).readonly ? reads : undefined

  const read = <T>(sql: string, query: (q: Queryable) => Promise<T>): Promise<T> => {
    const readOnly = readerFor(sql)
    return readOnly ? query(readOnly) : lock.run(() => query(writes))
  }

  const direct: Queryable = {
    dialect: 'sqlite',
    all: async (sql, params) => read(sql, (q) => q.all(sql, params)),
    get: async (sql, params) => read(sql, (q) => q.get(sql, params)),
    values: async (sql, params) => read(sql, (q) => q.values!(sql, params)),
    run: async (sql, params) => lock.run(() => writes.run(sql, params)),
    exec: async (sql) => lock.run(() => writes.exec(sql)),
  }

  return {
    dialect: 'sqlite',
    describe: target.describe,
    direct,
    transaction: (fn) =>
      lock.run(async () => {
        // IMMEDIATE takes the write lock now, so another process fails fast (busy_timeout) instead of mid-transaction.
        writer.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(writes)
          writer.exec('COMMIT')
          return result
        } catch (err) {
          try {
            if (writer.inTransaction) writer.exec('ROLLBACK')
          } catch (rollbackError) {
            log(`ROLLBACK failed on ${target.describe}: ${String(rollbackError)}`)
          }
          throw err
        }
      }),
    close: () =>
      lock.run(() => {
        // The writer closes last: SQLite checkpoints and removes the -wal file with the last connection.
        if (reader !== writer) reader.close()
        writer.close()
      }),
  }
}
