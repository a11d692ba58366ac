/**
 * @module
 * When the plugins' in-transaction subscribers run without a savepoint. A savepoint per event is
 * what keeps one plugin's failure its own, and costs two statements (two round trips on
 * PostgreSQL) on every event, though plugins almost never fail. A caller that can run its whole
 * transaction again (the group commit) runs it optimistically: subscribers write straight into
 * the transaction, and the first failure that needs isolating marks it and aborts it; it then
 * runs again with savepoints, which gives exactly the result it would have had. The mark also
 * catches a failure a plugin swallowed (a subscriber catching what its own emit threw): such a
 * transaction is never committed without its savepoints.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Database, Queryable } from '@rapport/db'

/** `open` only while the first run's transaction runs: work it leaves behind (timers, promises) keeps savepoints. */
type Attempt = { open: boolean; needsIsolation: boolean }
const optimistic = new AsyncLocalStorage<Attempt | undefined>()

/** Thrown out of an optimistic transaction when a plugin failed and needs its savepoint. */
export class IsolationNeeded extends Error {
  constructor() {
    super('a plugin failed in a transaction run without savepoints; run it again with them')
  }
}

/**
 * `db.tx(body)` with subscribers outside savepoints; if one needs isolation, the transaction is
 * rolled back and `body` runs again in a new one, the usual way.
 * @example const outcomes = await txWithoutSavepoints(s.db, (tx) => writeEvents(tx, s, events, origin))
 */
export async function txWithoutSavepoints<T>(db: Database, body: (tx: Queryable) => Promise<T>): Promise<T> {
  const attempt: Attempt = { open: true, needsIsolation: false }
  try {
    return await optimistic.run(attempt, () => db.tx(async (tx) => {
      const result = await body(tx)
      if (attempt.needsIsolation) throw new IsolationNeeded()
      return result
    }))
  } catch (err) {
    attempt.open = false
    if (!(err instanceof IsolationNeeded) && !attempt.needsIsolation) throw err
    return optimistic.run(undefined, () => db.tx(body))
  } finally {
    attempt.open = false
  }
}

/**
 * True inside {@link txWithoutSavepoints}' first run.
 * @example if (savepointsSkipped()) await runAll(tx)
 */
export const savepointsSkipped = (): boolean => optimistic.getStore()?.open === true

/**
 * Marks the optimistic transaction as needing savepoints and returns the error that ends it.
 * @example throw isolationNeeded()
 */
export function isolationNeeded(): IsolationNeeded {
  const attempt = optimistic.getStore()
  if (attempt?.open) attempt.needsIsolation = true
  return new IsolationNeeded()
}
