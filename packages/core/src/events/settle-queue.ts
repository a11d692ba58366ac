/**
 * @module
 * Work that subscribers of cascaded events leave for the end of the outermost event's handling
 * (`SubscriberContext.settle`), one per key. It lives in the transaction's memo as an undoable
 * entry, so a savepoint that rolls back takes back the work registered inside it: a subscriber
 * that settles work and then fails is rolled back with its work, which never runs.
 */
import { transactionMemo, type Queryable, type UndoableMemo } from '@rapport/db'

/** Settled work: runs in the event's transaction. */
export type SettleWork = (tx: Queryable) => Promise<void>

const KEY = 'core.settle'

class SettleQueue implements UndoableMemo {
  work = new Map<string, SettleWork>()
  mark(): Map<string, SettleWork> { return new Map(this.work) }
  rollBackTo(mark: unknown): void { this.work = new Map(mark as Map<string, SettleWork>) }
}

const queueOf = (tx: Queryable): SettleQueue | undefined => {
  const memo = transactionMemo(tx)
  if (!memo) return undefined
  let queue = memo.get(KEY) as SettleQueue | undefined
  if (!queue) memo.set(KEY, (queue = new SettleQueue()))
  return queue
}

/**
 * Queues `work` under `key` (a later call with the same key replaces it) in `tx`'s transaction;
 * false outside a transaction.
 * @example queueSettleWork(tx, 'tiering:profile:c_1', (q) => follow(q))
 */
export function queueSettleWork(tx: Queryable, key: string, work: SettleWork): boolean {
  const queue = queueOf(tx)
  if (!queue) return false
  queue.work.set(key, work)
  return true
}

/**
 * Takes the next queued work (the first queued), or undefined when none is left.
 * @example for (let w = takeSettleWork(tx); w; w = takeSettleWork(tx)) await w(tx)
 */
export function takeSettleWork(tx: Queryable): SettleWork | undefined {
  const queue = queueOf(tx)
  const next = queue?.work.entries().next()
  if (!queue || !next || next.done) return undefined
  queue.work.delete(next.value[0])
  return next.value[1]
}
