/**
 * @module
 * Group commit for response writes on SQLite. SQLite has one writer, so concurrent completions
 * run one after another anyway, and a COMMIT (the WAL write, and now and then a checkpoint with
 * its fsync) costs far more than the rows of one response. Writes asked for in the same
 * event-loop turn, or while a group is being written, share one transaction; each runs in a
 * savepoint of its own, so a refused one (409, an expired link) rolls back only its own rows.
 * Nothing is acknowledged before the shared COMMIT. On PostgreSQL writers run in parallel on
 * pooled connections, so each write keeps a transaction of its own there.
 */
import { AsyncResource } from 'node:async_hooks'
import type { Database, Queryable } from '@rapport/plugin-sdk'

/**
 * Runs `fn` in a transaction, possibly shared with concurrent calls (each in its own savepoint).
 * Call it from a request, never inside an open transaction: the group's transaction would wait
 * for that one's writer lock while it waits for the group.
 */
export type GroupTx = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

type Pending = { fn: (tx: Queryable) => Promise<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void }
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/**
 * Create it where no transaction is open (in `setup`): the group's writes run in that async
 * context, never inside one request's context or transaction. A group runs without yielding to
 * the event loop, so `maxPerGroup` bounds how long other requests wait (64 completions take
 * about 30 ms); a COMMIT shared by 64 already costs little per response.
 * @example
 * const groupTx = createGroupTx(ctx.db)
 * const { responseId } = await groupTx(async (tx) => { …; return { responseId } })
 */
export function createGroupTx(db: Database, { maxPerGroup = 64 }: { maxPerGroup?: number } = {}): GroupTx {
  if (db.dialect !== 'sqlite') return (fn) => db.tx(fn)
  const scope = new AsyncResource('satisfaction.groupCommit')
  const queue: Pending[] = []
  let draining = false

  const alone = (p: Pending) => db.tx(p.fn).then(p.resolve, p.reject)

  const writeGroup = async (group: Pending[]) => {
    if (group.length === 1) return alone(group[0]!)
    let outcomes: Outcome[]
    try {
      outcomes = await db.tx(async () => {
        const done: Outcome[] = []
        // A db.tx inside the open transaction is a savepoint: a failed write undoes only itself.
        for (const p of group) done.push(await db.tx(p.fn).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })))
        return done
      })
    } catch {
      // The shared transaction failed as a whole (BEGIN or COMMIT): nothing of it is stored, so
      // each write is tried again alone, and a failure stays with the write that causes it.
      for (const p of group) await alone(p)
      return
    }
    for (const [i, p] of group.entries()) {
      const o = outcomes[i]!
      if (o.ok) p.resolve(o.value)
      else p.reject(o.error)
    }
  }

  const drain = async () => {
    draining = true
    try {
      do {
        // One event-loop turn first: requests read in the same poll phase join this group.
        await new Promise<void>((resolve) => setImmediate(resolve))
        await writeGroup(queue.splice(0, maxPerGroup))
      } while (queue.length > 0)
    } finally {
      draining = false
    }
  }

  return <T>(fn: (tx: Queryable) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject })
      if (!draining) void scope.runInAsyncScope(drain)
    })
}
