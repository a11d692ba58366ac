/**
 * @module
 * Turns a {@link DriverAdapter} into a {@link Database}. The part shared by all drivers: a
 * transaction is remembered in AsyncLocalStorage so that code inside it which calls `db.tx`,
 * `db.run` or `db.all` (instead of the `tx` it was given) joins the transaction. Without that,
 * SQLite would deadlock on its own writer lock and PGlite on its transaction mutex.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { createMutex, type AsyncMutex } from './async-mutex.js'
import { DbError } from './db-error.js'
import type { DriverAdapter, LogFn } from './driver-adapter.js'
import { ormOf } from './drizzle/orm.js'
import { markMemo, registerTransactionMemo, rollBackMemo } from './tx-memo.js'
import type { Database, Queryable } from './types.js'

/** Work to run before a frame ends (see `Database.beforeCommit`). */
type Hook = (tx: Queryable) => Promise<void>

/** One open transaction or savepoint. `open` turns false when it ends, so work it leaked stops using it. */
type Frame = { conn: Queryable; depth: number; lock: AsyncMutex; open: boolean; hooks?: Map<string, Hook> }

/** Runs a frame's hooks, and those they add, each key once, in the order they were first added. */
async function runHooks(frame: Frame): Promise<void> {
  const hooks = frame.hooks
  while (hooks && hooks.size > 0) {
    const [key, hook] = hooks.entries().next().value as [string, Hook]
    hooks.delete(key)
    await hook(frame.conn)
  }
}

/**
 * Builds the public {@link Database} over a driver adapter.
 * @param adapter - the driver's connections and top-level transactions
 * @param log - receives failures that cannot be thrown (a failed ROLLBACK after the original error)
 * @example
 * const db = createDatabase(await openSqliteAdapter(target, log), log)
 */
export function createDatabase(adapter: DriverAdapter, log: LogFn = () => {}): Database {
  // One storage per database, so a transaction on database A is never joined by calls on B.
  const scope = new AsyncLocalStorage<Frame>()
  let closing: Promise<void> | undefined
  // Each transaction's memo (tx-memo.ts), shared by its savepoints.
  const memos = new WeakMap<object, Map<string, unknown>>()

  const current = (): Frame | undefined => {
    const frame = scope.getStore()
    return frame?.open ? frame : undefined
  }
  const target = (): Queryable => {
    const frame = current()
    if (frame) return frame.conn
    if (closing) throw new DbError('DB_CLOSED', `Database ${adapter.describe} is closed`)
    return adapter.direct
  }
  const enter = async <T>(conn: Queryable, depth: number, fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const frame: Frame = { conn, depth, lock: createMutex(), open: true }
    memos.set(frame, (depth > 0 && memos.get(scope.getStore() ?? frame)) || new Map())
    if (depth === 0) registerTransactionMemo(conn, memoOn(conn))
    try {
      return await scope.run(frame, async () => {
        const result = await fn(conn)
        await runHooks(frame)
        return result
      })
    } finally {
      frame.open = false
    }
  }
  const savepoint = async <T>(outer: Frame, fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const name = `rapport_sp_${outer.depth + 1}`
    const marks = markMemo(memos.get(outer))
    await outer.conn.exec(`SAVEPOINT ${name}`)
    try {
      const result = await enter(outer.conn, outer.depth + 1, fn)
      await outer.conn.exec(`RELEASE SAVEPOINT ${name}`)
      return result
    } catch (err) {
      // What the transaction remembered may be what this rollback undoes.
      rollBackMemo(memos.get(outer), marks)
      try {
        await outer.conn.exec(`ROLLBACK TO SAVEPOINT ${name}`)
        await outer.conn.exec(`RELEASE SAVEPOINT ${name}`)
      } catch (rollbackError) {
        log(`rollback to ${name} failed on ${adapter.describe}: ${String(rollbackError)}`)
      }
      throw err
    }
  }

  const database: Database = {
    dialect: adapter.dialect,
    describe: adapter.describe,
    connections: adapter.connections ?? 1,
    all: async (sql, params) => target().all(sql, params),
    get: async (sql, params) => target().get(sql, params),
    run: async (sql, params) => target().run(sql, params),
    exec: async (sql) => target().exec(sql),
    values: async (sql, params) => {
      const q = target()
      return q.values ? q.values(sql, params) : (await q.all<Record<string, unknown>>(sql, params)).map((row) => Object.values(row))
    },
    get orm() {
      return ormOf(database)
    },
    async tx(fn) {
      const outer = current()
      // Savepoints of one frame run one at a time: two concurrent nested tx would otherwise share names.
      if (outer) return outer.lock.run(() => savepoint(outer, fn))
      if (closing) throw new DbError('DB_CLOSED', `Database ${adapter.describe} is closed`)
      return adapter.transaction((conn) => enter(conn, 0, fn))
    },
    async beforeCommit(key, fn) {
      const frame = current()
      if (!frame) return false
      ;(frame.hooks ??= new Map()).set(key, fn)
      return true
    },
    async ping() {
      try {
        return (await target().get<{ ok: number }>('SELECT 1 AS ok'))?.ok === 1
      } catch {
        return false
      }
    },
    close() {
      closing ??= adapter.close()
      return closing
    },
  }
  const memoOn = (q: Queryable) => (): Map<string, unknown> | undefined => {
    const frame = current()
    return frame && (q === frame.conn || q === database) ? memos.get(frame) : undefined
  }
  registerTransactionMemo(database, memoOn(database))
  return database
}
