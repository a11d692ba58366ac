/**
 * @module
 * Group commit for event ingestion: batches that arrive in the same event-loop turn, or while a
 * write transaction runs, are written together in one transaction. Writers are serialized anyway
 * (SQLite has one writer), and a COMMIT (WAL writes, checkpoints) costs far more than an insert,
 * so one COMMIT for many single-event requests is what makes them cheap. Each batch still gets
 * its own outcomes. The wait is one event-loop turn.
 */
import { AsyncResource } from 'node:async_hooks'
import type { CoreServices } from '../services.js'
import type { EventActor } from './event-actor.js'
import type { EventSource } from './event-log.js'
import type { ValidEvent } from './validate-event.js'
import { createConcurrentGroupCommit } from './concurrent-group-commit.js'
import { txWithoutSavepoints } from './savepoint-policy.js'
import { writeEvents, type WriteOutcome } from './write-events.js'

/** Where a batch came from and who caused it, recorded on each of its events. */
export type BatchOrigin = { source: EventSource; actor: EventActor }

/** Writes validated events, each in a transaction of its own or shared with others. */
export type EventWriter = (events: readonly ValidEvent[], origin: BatchOrigin) => Promise<WriteOutcome[]>

/** Options of {@link createGroupCommit}. */
export type GroupCommitOptions = {
  /** A group stops taking batches once it holds this many events (a single larger batch still goes alone). */
  maxEventsPerGroup?: number
}

type Pending = { events: readonly ValidEvent[]; origin: BatchOrigin; resolve: (o: WriteOutcome[]) => void; reject: (e: unknown) => void }

/**
 * A writer with one transaction per batch: what {@link ingestEvents} uses by default.
 * @example await ingestEvents(s, items, { source: 'api', actor, writer: transactionPerBatch(s) })
 */
export const transactionPerBatch = (s: CoreServices): EventWriter => (events, origin) => s.db.tx((tx) => writeEvents(tx, s, events, origin))

/**
 * A writer that groups concurrent batches into one transaction. When a group's transaction fails,
 * its batches are retried one transaction each, so a failure stays with the batch that caused it.
 * Create it where no transaction is open (when routes are built): the writes run in that context,
 * never inside a caller's transaction.
 * @example
 * const writer = createGroupCommit(s)   // once, in eventRoutes(s)
 * const { results } = await ingestEvents(s, body.events, { source: 'api', actor, writer })
 */
export function createGroupCommit(s: CoreServices, { maxEventsPerGroup = 2000 }: GroupCommitOptions = {}): EventWriter {
  // PostgreSQL's pool runs transactions side by side: several groups at once (concurrent-group-commit.ts).
  if (s.db.connections > 1) return createConcurrentGroupCommit(s, { groupsInFlight: Math.ceil(s.db.connections / 2) })
  const scope = new AsyncResource('rapport.groupCommit')
  const alone = transactionPerBatch(s)
  const queue: Pending[] = []
  let draining = false

  const takeGroup = (): Pending[] => {
    let size = 0
    let count = 0
    while (count < queue.length && (count === 0 || size + queue[count]!.events.length <= maxEventsPerGroup)) size += queue[count++]!.events.length
    return queue.splice(0, count)
  }

  const writeGroup = async () => {
    // Taken once the transaction has the writer: batches that arrived while it waited (for a
    // delivery's or a job's transaction) join it instead of making a group of their own. A
    // COMMIT's cost grows with the pages it writes, far less with the orders behind them.
    let group: Pending[] | undefined
    try {
      // No savepoint per event unless a plugin fails: then the group runs again with them.
      const outcomes = await txWithoutSavepoints(s.db, async (tx) => {
        group ??= takeGroup()
        const all: WriteOutcome[][] = []
        for (const p of group) all.push(await writeEvents(tx, s, p.events, p.origin))
        return all
      })
      for (const [i, p] of group!.entries()) p.resolve(outcomes[i]!)
    } catch (err) {
      // BEGIN itself failed: the group is the batches waiting now.
      group ??= takeGroup()
      if (group.length === 1) return group[0]!.reject(err)
      for (const p of group) await alone(p.events, p.origin).then(p.resolve, p.reject)
    }
  }

  const drain = async () => {
    draining = true
    try {
      do {
        // One event-loop turn first: requests read in the same poll phase join this group.
        await new Promise<void>((resolve) => setImmediate(resolve))
        await writeGroup()
      } while (queue.length > 0)
    } finally {
      draining = false
    }
  }

  return function groupCommit(events, origin) {
    return new Promise<WriteOutcome[]>((resolve, reject) => {
      queue.push({ events, origin, resolve, reject })
      if (!draining) void scope.runInAsyncScope(drain)
    })
  }
}
