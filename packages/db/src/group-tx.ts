/**
 * @module
 * Group commit for small, frequent write transactions on SQLite (a survey answer, a redemption).
 * SQLite has one writer, so concurrent writes run one after another anyway, and a COMMIT (the WAL
 * write, and now and then a checkpoint with its fsync) costs far more than the rows of one
 * request. Writes asked for in the same event-loop turn, or while a group is being written, share
 * one transaction; each runs in a savepoint of its own, so one that fails (a refused request, a
 * conflict) rolls back only its own rows and its caller hears its own error. Nothing is
 * acknowledged before the shared COMMIT. On PostgreSQL writers run in parallel on pooled
 * connections, so each write keeps a transaction of its own there: one long transaction would hold
 * every row lock it took.
 */
import { AsyncResource, type AsyncLocalStorage } from 'node:async_hooks'
import type { Database, Queryable } from './types.js'

/**
 * Runs `fn` in a transaction, possibly shared with concurrent calls (each in its own savepoint).
 * Call it from a request, never inside an open transaction: the group's transaction would wait
 * for that one's writer lock while it waits for the group.
 */
export type GroupTx = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

type Pending = { fn: (tx: Queryable) => Promise<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void }

/** Options of {@link createGroupTx}. */
export type GroupTxOptions = {
  /** Most writes in one group. */
  maxPerGroup?: number
  /**
   * Async contexts each write keeps from its caller although it runs in the group's context (who
   * the caller is, for instance). Only these: the transaction context stays the group's.
   */
  carry?: ReadonlyArray<AsyncLocalStorage<unknown>>
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/**
 * Create it where no transaction is open (a plugin's `setup`): the group's writes run in that
 * async context, never inside one request's context or transaction, and a call from inside an
 * open transaction would wait for its own write lock. A group runs without yielding to the event
 * loop, so `maxPerGroup` bounds how long other requests wait (64 survey completions take about
 * 30 ms); a COMMIT shared by 64 already costs little per write.
 * @example
 * const groupTx = createGroupTx(ctx.db)
 * const { responseId } = await groupTx(async (tx) => { …; return { responseId } })
 */
export function createGroupTx(db: Database, { maxPerGroup = 64, carry = [] }: GroupTxOptions = {}): GroupTx {
  if (db.dialect !== 'sqlite') return (fn) => db.tx(fn)
  const scope = new AsyncResource('rapport.groupTx')
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
      queue.push({ fn: carried(fn, carry), resolve: resolve as (value: unknown) => void, reject })
      if (!draining) void scope.runInAsyncScope(drain)
    })
}

/** `fn`, run with the caller's values of the `carry` contexts (read now, at the call). */
function carried(fn: (tx: Queryable) => Promise<unknown>, carry: ReadonlyArray<AsyncLocalStorage<unknown>>): (tx: Queryable) => Promise<unknown> {
  if (carry.length === 0) return fn
  const values = carry.map((context) => [context, context.getStore()] as const)
  return (tx) => values.reduceRight<() => Promise<unknown>>((inner, [context, value]) => () => context.run(value, inner), () => fn(tx))()
}
