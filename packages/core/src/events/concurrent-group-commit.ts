/**
 * @module
 * Group commit where the database runs several transactions at once (PostgreSQL's pool). One
 * group at a time would leave the server mostly idle: every statement of an order is a round
 * trip, and the group waits for each. So several groups are in flight, each on its own pooled
 * connection. Each group first locks the profiles of all its customers in one statement, in the
 * order every group uses (lockProfilesByExternalId), so groups here or in other processes that
 * share a customer wait for each other instead of deadlocking; and a customer's batches in this
 * process go into one group at a time, in arrival order. Groups stay small: a group holds its
 * customers' locks until it commits, and a long one would make others wait on it. A group does
 * not wait for a customer another process holds: it takes the locks it can, writes the batches it
 * got, and puts the others back at the head of the queue for a later group (its connection would
 * otherwise idle behind the other process's whole group). A batch put back {@link MAX_DEFERRALS}
 * times goes alone in a group that waits for its customers, so none waits forever.
 */
import { AsyncResource } from 'node:async_hooks'
import type { Queryable } from '@rapport/db'
import { lockProfilesByExternalId, tryLockProfilesByExternalId } from '../profile/lock-profile.js'
import type { CoreServices } from '../services.js'
import { transactionPerBatch, type BatchOrigin, type EventWriter } from './group-commit.js'
import { txWithoutSavepoints } from './savepoint-policy.js'
import type { ValidEvent } from './validate-event.js'
import { writeEvents, type WriteOutcome } from './write-events.js'

/** Options of {@link createConcurrentGroupCommit}. */
export type ConcurrentGroupCommitOptions = {
  /** Groups written at once; each holds a pooled connection while it runs. */
  groupsInFlight: number
  /** A group stops taking batches once it holds this many events (a single larger batch still goes alone). */
  maxEventsPerGroup?: number
}

type Pending = {
  events: readonly ValidEvent[]
  origin: BatchOrigin
  customers: readonly string[]
  /** Times a group put it back because another transaction held one of its customers. */
  deferrals: number
  resolve: (o: WriteOutcome[]) => void
  reject: (e: unknown) => void
}

/** Put back this many times, a batch waits for its customers' locks instead. */
export const MAX_DEFERRALS = 3

type Group = { batches: Pending[]; wait: boolean }

/**
 * A writer grouping concurrent batches into transactions, several at once. A failed group's
 * batches are retried one transaction each ({@link transactionPerBatch}), so a failure stays with the batch that caused it.
 * Create it where no transaction is open (when routes are built).
 * @example const writer = createConcurrentGroupCommit(s, { groupsInFlight: s.db.connections - 4 })
 */
export function createConcurrentGroupCommit(s: CoreServices, { groupsInFlight, maxEventsPerGroup = 8 }: ConcurrentGroupCommitOptions): EventWriter {
  const scope = new AsyncResource('rapport.concurrentGroupCommit')
  const queue: Pending[] = []

  const alone = transactionPerBatch(s)
  /** External ids of the customers of the groups in flight. */
  const busy = new Set<string>()
  let inFlight = 0
  let scheduled = false

  /** Locks the group's customers (or those free), then writes the batches whose customers it holds. */
  const write = async (tx: Queryable, { batches, wait }: Group) => {
    const customers = batches.flatMap((p) => p.customers)
    // The lock statement also finds the customers, so writeEvents looks up only new ones.
    const { ids: found, busy: elsewhere } = wait ? { ids: await lockProfilesByExternalId(tx, customers), busy: new Set<string>() } : await tryLockProfilesByExternalId(tx, customers)
    const taken = batches.filter((p) => !p.customers.some((c) => elsewhere.has(c)))
    // Unless a customer.updated in the group may change an external id: then each batch looks up its own.
    const renames = taken.some((p) => p.events.some((e) => e.changes))
    const outcomes: WriteOutcome[][] = []
    for (const p of taken) outcomes.push(await writeEvents(tx, s, p.events, { ...p.origin, customerIds: renames ? new Map() : found }))
    return { taken, outcomes }
  }

  /**
   * The next group: batches in arrival order whose customers are free; a batch left waiting holds
   * back its customers' later batches. A batch put back too often goes alone, waiting for its locks.
   */
  const takeGroup = (): Group => {
    const batches: Pending[] = []
    const waiting: Pending[] = []
    const held = new Set(busy)
    let size = 0
    let wait = false
    for (const p of queue) {
      const free = !wait && !p.customers.some((c) => held.has(c))
      const fits = size < maxEventsPerGroup && (batches.length === 0 || size + p.events.length <= maxEventsPerGroup)
      if (free && fits && (p.deferrals < MAX_DEFERRALS || batches.length === 0)) {
        batches.push(p)
        size += p.events.length
        wait = p.deferrals >= MAX_DEFERRALS
      } else {
        waiting.push(p)
        for (const c of p.customers) held.add(c)
      }
    }
    queue.splice(0, queue.length, ...waiting)
    return { batches, wait }
  }

  const writeGroup = async (group: Group) => {
    try {
      // No savepoint per event unless a plugin fails: then the group runs again with them.
      const { taken, outcomes } = await txWithoutSavepoints(s.db, (tx) => write(tx, group))
      for (const [i, p] of taken.entries()) p.resolve(outcomes[i]!)
      // Back at the head of the queue, still in arrival order, for a group after this one ends.
      const back = group.batches.filter((p) => !taken.includes(p))
      for (const p of back) p.deferrals += 1
      queue.unshift(...back)
    } catch (err) {
      if (group.batches.length === 1) return group.batches[0]!.reject(err)
      // A failure stays with the batch that caused it: each runs again in a transaction of its own.
      for (const p of group.batches) await alone(p.events, p.origin).then(p.resolve, p.reject)
    }
  }

  const start = () => {
    scheduled = false
    while (inFlight < groupsInFlight) {
      const group = takeGroup()
      if (group.batches.length === 0) return
      inFlight += 1
      // Until the transaction ends, also for batches put back: it may hold some of their customers.
      for (const p of group.batches) for (const c of p.customers) busy.add(c)
      void writeGroup(group).finally(() => {
        inFlight -= 1
        for (const p of group.batches) for (const c of p.customers) busy.delete(c)
        schedule()
      })
    }
  }

  // One event-loop turn first: requests read in the same poll phase join the next group.
  const schedule = () => {
    if (scheduled || queue.length === 0) return
    scheduled = true
    setImmediate(start)
  }

  return function concurrentGroupCommit(events, origin) {
    return new Promise<WriteOutcome[]>((resolve, reject) => {
      queue.push({ events, origin, customers: [...new Set(events.map((e) => e.customerExternalId))], deferrals: 0, resolve, reject })
      scope.runInAsyncScope(schedule)
    })
  }
}
