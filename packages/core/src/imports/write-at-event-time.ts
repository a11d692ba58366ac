/**
 * @module
 * Writes a stretch of history as if the shop had lived through it: events in time order, in
 * batches that never span a job's schedule slot, and between batches the jobs replayed as of their
 * slots (a slot at or before an event's time runs before that event). Each event is handled at
 * its own time by the event bus, so a batch gives the same result as one event at a time, and the
 * whole import the same as living through it. Used by the order import and the demo data.
 */
import type { Queryable } from '@rapport/db'
import type { EventActor } from '../events/event-actor.js'
import type { EventSource } from '../events/event-log.js'
import type { ValidEvent } from '../events/validate-event.js'
import { writeEvents, type WriteOutcome } from '../events/write-events.js'
import type { JobReplay } from '../jobs/run-jobs-through.js'
import type { CoreServices } from '../services.js'

/** Options of {@link writeEventsAtTheirTime}. */
export type WriteAtEventTimeOptions = {
  source: EventSource
  actor: EventActor
  /** The jobs' replay, shared by every chunk of one import (create it with `createJobReplay`). */
  replay: JobReplay
  /** externalId → customer id, reused across chunks. */
  customerIds?: Map<string, string>
}

/**
 * Writes `events` (sorted by `occurredAt`) inside `tx`, running the jobs whose slots fall between
 * them. After the last chunk, run `replay.runThrough(now)` so the jobs catch up to today.
 * @param tx - the caller's transaction (the jobs' own transactions join it)
 * @param s - the services
 * @param events - validated events, oldest first
 * @param options - origin, the replay, the customer id cache
 * @returns one outcome per event, in order
 * @example
 * const replay = createJobReplay(s, Date.parse(sorted[0].occurredAt) - 1)
 * await s.db.tx((tx) => writeEventsAtTheirTime(tx, s, sorted, { source: 'import', actor, replay }))
 * await s.db.tx(() => replay.runThrough(s.now()))
 */
export async function writeEventsAtTheirTime(tx: Queryable, s: CoreServices, events: readonly ValidEvent[], { source, actor, replay, customerIds = new Map() }: WriteAtEventTimeOptions): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = []
  let from = 0
  const flush = async (to: number) => {
    if (to === from) return
    for (const outcome of await writeEvents(tx, s, events.slice(from, to), { source, actor, customerIds })) outcomes.push(outcome)
    from = to
    replay.eventsWritten()
  }
  for (let i = 0; i < events.length; i++) {
    const at = Date.parse(events[i]!.occurredAt)
    const slot = replay.nextSlot()
    if (slot === null || slot > at) continue
    await flush(i)
    await replay.runThrough(at)
  }
  await flush(events.length)
  return outcomes
}
