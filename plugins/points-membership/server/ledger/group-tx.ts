/**
 * @module
 * Group commit for the ledger's write routes (spends, redemptions, adjustments) on SQLite.
 * SQLite has one writer, so these transactions run one after another anyway, and a COMMIT (its
 * WAL write) costs more than a redemption's statements: requests that arrive in the same
 * event-loop turn, or while a group runs, share one transaction. Each request runs in a
 * savepoint of its own (a nested `db.tx`), so a refused request (a coded 4xx) rolls back its own
 * writes only; its caller hears its own result once the shared COMMIT is done, so nothing is
 * answered before it is durable. Anything else that fails (an unexpected error, a failed COMMIT)
 * rolls the group back and retries each request in a transaction of its own, so a failure stays
 * with the request that caused it. On PostgreSQL every request keeps its own pooled transaction:
 * there writers run in parallel, and one long transaction would hold every member's row lock.
 */
import { AsyncResource } from 'node:async_hooks'
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'

/** Runs `fn` in a ledger write transaction (shared with concurrent requests on SQLite). */
export type LedgerTx = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

type Db = PluginContext['db']
type Job = { fn: (tx: Queryable) => Promise<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void }
type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown }

/** Most requests in one group: bounds how long the first one waits for the shared COMMIT. */
const MAX_JOBS_PER_GROUP = 128

const isRefusal = (err: unknown): boolean => {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' && status >= 400 && status < 500
}

const writers = new WeakMap<Db, LedgerTx>()

/**
 * The ledger's transaction runner for `ctx.db`, one per database. Call it first where no
 * transaction is open (setup), since the groups run in the async context it was created in.
 * @example const result = await ledgerTx(ctx)((tx) => redeemReward(tx, ctx, input))
 */
export function ledgerTx(ctx: Pick<PluginContext, 'db'>): LedgerTx {
  let writer = writers.get(ctx.db)
  if (!writer) {
    writer = ctx.db.dialect === 'sqlite' ? createGroupTx(ctx.db) : (fn) => ctx.db.tx(fn)
    writers.set(ctx.db, writer)
  }
  return writer
}

function createGroupTx(db: Db): LedgerTx {
  // The groups run in this context, never in the first caller's (which may carry its own state).
  const scope = new AsyncResource('points.ledgerTx')
  const queue: Job[] = []
  let draining = false

  const runGroup = async (group: Job[]) => {
    let outcomes: Outcome[]
    try {
      outcomes = await db.tx(async () => {
        const done: Outcome[] = []
        for (const job of group) {
          try {
            // Nested: a savepoint of the group's transaction.
            done.push({ ok: true, value: await db.tx(job.fn) })
          } catch (err) {
            if (!isRefusal(err)) throw err
            done.push({ ok: false, err })
          }
        }
        return done
      })
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err)
      for (const job of group) await db.tx(job.fn).then(job.resolve, job.reject)
      return
    }
    for (const [i, job] of group.entries()) {
      const outcome = outcomes[i]!
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.err)
    }
  }

  const drain = async () => {
    draining = true
    try {
      do {
        // One event-loop turn first: requests read in the same poll phase join this group.
        await new Promise<void>((resolve) => setImmediate(resolve))
        await runGroup(queue.splice(0, MAX_JOBS_PER_GROUP))
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
