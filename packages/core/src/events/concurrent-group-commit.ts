/**
 * @module
 * Group commit where the database runs several transactions at once (PostgreSQL's pool). One
 * group at a time would leave the server mostly idle: every statement of an order is a round
 * trip, and the group waits for each. So several groups are in flight, each on its own pooled
 * connection. Each group first locks the profiles of all its customers in one statement, in the
 * order every group uses (lockProfilesByExternalId), so groups here or in other processes that
 * share a customer wait for each other instead of deadlocking; and a customer's batches in this
 * process go into one group at a time, in arrival order. Groups stay small: a group holds its
 * customers' locks until it commits, and a long one would make others wait on it.
 */
import { AsyncResource } from 'node:async_hooks'
import type { Queryable } from '@rapport/db'
import { lockProfilesByExternalId } from '../profile/lock-profile.js'
import type { CoreServices } from '../services.js'
import type { BatchOrigin, EventWriter } from './group-commit.js'
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
  resolve: (o: WriteOutcome[]) => void
  reject: (e: unknown) => void
}

/**
 * A writer grouping concurrent batches into transactions, several at once. A failed group's
 * batches are retried one transaction each, so a failure stays with the batch that caused it.
 * Create it where no transaction is open (when routes are built).
 * @example const writer = createConcurrentGroupCommit(s, { groupsInFlight: s.db.connections - 4 })
 */
export function createConcurrentGroupCommit(s: CoreServices, { groupsInFlight, maxEventsPerGroup = 8 }: ConcurrentGroupCommitOptions): EventWriter {
  const scope = new AsyncResource('rapport.concurrentGroupCommit')
  const queue: Pending[] = []
  /** External ids of the customers of the groups in flight. */
  const busy = new Set<string>()
  let inFlight = 0
  let scheduled = false

  const write = async (tx: Queryable, group: readonly Pending[]) => {
    // The lock statement also finds the customers, so writeEvents looks up only new ones; unless a
    // customer.updated in the group may change an external id, and each batch looks up its own.
    const found = await lockProfilesByExternalId(tx, group.flatMap((p) => p.customers))
    const renames = group.some((p) => p.events.some((e) => e.changes))
    const all: WriteOutcome[][] = []
    for (const p of group) all.push(await writeEvents(tx, s, p.events, { ...p.origin, customerIds: renames ? new Map() : found }))
    return all
  }

  /** The next group: batches in arrival order whose customers are free; a batch left waiting holds back its customers' later batches. */
  const takeGroup = (): Pending[] => {
    const group: Pending[] = []
    const waiting: Pending[] = []
    const held = new Set(busy)
    let size = 0
    for (const p of queue) {
      const fits = size < maxEventsPerGroup && (group.length === 0 || size + p.events.length <= maxEventsPerGroup)
      if (fits && !p.customers.some((c) => held.has(c))) {
        group.push(p)
        size += p.events.length
      } else {
        waiting.push(p)
        for (const c of p.customers) held.add(c)
      }
    }
    queue.splice(0, queue.length, ...waiting)
    return group
  }

  const writeGroup = async (group: Pending[]) => {
    try {
      // No savepoint per event unless a plugin fails: then the group runs again with them.
      const outcomes = await txWithoutSavepoints(s.db, (tx) => write(tx, group))
      for (const [i, p] of group.entries()) p.resolve(outcomes[i]!)
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err)
      for (const p of group) await s.db.tx((tx) => write(tx, [p])).then((o) => p.resolve(o[0]!), p.reject)
    }
  }

  const start = () => {
    scheduled = false
    while (inFlight < groupsInFlight) {
      const group = takeGroup()
      if (group.length === 0) return
      inFlight += 1
      for (const p of group) for (const c of p.customers) busy.add(c)
      void writeGroup(group).finally(() => {
        inFlight -= 1
        for (const p of group) for (const c of p.customers) busy.delete(c)
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
      queue.push({ events, origin, customers: [...new Set(events.map((e) => e.customerExternalId))], resolve, reject })
      scope.runInAsyncScope(schedule)
    })
  }
}
