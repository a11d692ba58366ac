/**
 * @module
 * Ingests a batch of events: every item is validated first, then all valid ones are written in
 * one transaction. A bad item never holds back the good ones; each gets its own result, in order.
 */
import { eventErrors } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import type { EventActor } from './event-actor.js'
import type { EventSource } from './event-log.js'
import { transactionPerBatch, type EventWriter } from './group-commit.js'
import { validateEvent, type EventIssue, type ValidEvent } from './validate-event.js'

/** Most events one batch may hold. @example if (events.length > MAX_EVENTS_PER_BATCH) throw … */
export const MAX_EVENTS_PER_BATCH = 1000

/** The result of one item of a batch. */
export type IngestItemResult = {
  /** Position in the batch, from 0. */
  index: number
  /** The caller's event id, when the item had one. */
  id: string | null
  status: 'accepted' | 'duplicate' | 'rejected'
  /** The stored event's id (for a duplicate: the event first stored under this id). */
  eventId?: string
  errors?: EventIssue[]
}

/** Per-item results and totals. */
export type IngestResult = {
  results: IngestItemResult[]
  totals: { accepted: number; duplicates: number; rejected: number }
}

/** Options of {@link ingestEvents}. */
export type IngestOptions = {
  source: EventSource
  /** Who sends the batch: recorded as the actor of each event. */
  actor: EventActor
  /** How valid events are written; default one transaction for the batch. The route shares transactions between requests ({@link createGroupCommit}). */
  writer?: EventWriter
}

/**
 * Validates and stores a batch. Throws EVENT_BATCH_TOO_LARGE above {@link MAX_EVENTS_PER_BATCH}.
 * @example
 * const { results, totals } = await ingestEvents(s, body.events, { source: 'api', actor: actorOfCaller(caller) })
 */
export async function ingestEvents(s: CoreServices, items: readonly unknown[], { source, actor, writer = transactionPerBatch(s) }: IngestOptions): Promise<IngestResult> {
  if (items.length > MAX_EVENTS_PER_BATCH) throw eventErrors.BATCH_TOO_LARGE({ max: MAX_EVENTS_PER_BATCH, got: items.length })
  const results: IngestItemResult[] = new Array(items.length)
  const valid: ValidEvent[] = []
  const validIndexes: number[] = []
  items.forEach((item, index) => {
    const check = validateEvent(item)
    if (check.ok) { valid.push(check.event); validIndexes.push(index) }
    else results[index] = { index, id: check.id, status: 'rejected', errors: check.errors }
  })

  if (valid.length > 0) {
    const outcomes = await writer(valid, { source, actor })
    outcomes.forEach((outcome, i) => {
      const index = validIndexes[i]!
      const id = valid[i]!.id
      results[index] = outcome.status === 'rejected' ? { index, id, status: 'rejected', errors: outcome.errors } : { index, id, status: outcome.status, eventId: outcome.eventId }
    })
  }

  const totals = { accepted: 0, duplicates: 0, rejected: 0 }
  for (const r of results) {
    if (r.status === 'accepted') totals.accepted++
    else if (r.status === 'duplicate') totals.duplicates++
    else totals.rejected++
  }
  return { results, totals }
}
