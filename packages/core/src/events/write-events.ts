/**
 * @module
 * Writes validated events inside the caller's transaction: resolves (or creates) each customer,
 * publishes each event (idempotent append to the log, then the plugins' in-transaction rules and
 * subscribers), and applies `customer.updated` changes. Shared by
 * `POST /api/v1/events` and the order importer, so both behave the same.
 */
import type { Queryable } from '@rapport/db'
import { findCustomerIdByExternalId, upsertCustomerByExternalId, type CustomerFields } from '../customers/customer-store.js'
import { RapportError } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import type { EventActor } from './event-actor.js'
import type { EventSource } from './event-log.js'
import { publishEvent } from './publish-event.js'
import type { EventIssue, ValidEvent } from './validate-event.js'

/** What happened to one event. */
export type WriteOutcome =
  | { status: 'accepted' | 'duplicate'; eventId: string }
  | { status: 'rejected'; errors: EventIssue[] }

/** Options of {@link writeEvents}. */
export type WriteEventsOptions = {
  source: EventSource
  /** Who caused these events: the request's caller, or a system actor for imports and demo data. */
  actor: EventActor
  /** externalId → customer id, reused across calls of one import so each customer is looked up once. */
  customerIds?: Map<string, string>
}

const SELECT_BY_KEY = 'SELECT id FROM core_events WHERE idempotency_key = ?'

/**
 * Writes events in order, inside a transaction of `s.db`. A repeat of an id (stored earlier, or
 * earlier in the same batch) is a duplicate and changes nothing. An order event for an unknown
 * customer creates the customer. Only a `customer.updated` the customer store refuses (a 4xx
 * {@link RapportError}) is rejected; anything else throws and rolls the transaction back.
 * @example
 * const outcomes = await s.db.tx((tx) => writeEvents(tx, s, validEvents, { source: 'api', actor: actorOfCaller(caller) }))
 */
export async function writeEvents(tx: Queryable, s: CoreServices, events: readonly ValidEvent[], { source, actor, customerIds = new Map() }: WriteEventsOptions): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = []
  for (const e of events) {
    if (e.changes) {
      outcomes.push(await writeCustomerUpdate(tx, s, e, e.changes, source, actor))
      continue
    }
    let customerId = customerIds.get(e.customerExternalId)
    if (customerId === undefined) {
      customerId = (await findCustomerIdByExternalId(tx, e.customerExternalId)) ?? (await upsertCustomerByExternalId(tx, s, e.customerExternalId, {})).customer.id
      customerIds.set(e.customerExternalId, customerId)
    }
    const { event, duplicate } = await publishEvent(s, { type: e.type, customerId, payload: e.payload, occurredAt: e.occurredAt, idempotencyKey: e.id, source, actor, emitter: 'core' }, tx)
    outcomes.push({ status: duplicate ? 'duplicate' : 'accepted', eventId: event.id })
  }
  return outcomes
}

/**
 * Applies a `customer.updated` only when the event is new (a replay must not overwrite newer
 * data), in a savepoint so a refusal by the customer store rejects this event alone.
 */
async function writeCustomerUpdate(tx: Queryable, s: CoreServices, e: ValidEvent, changes: CustomerFields, source: EventSource, actor: EventActor): Promise<WriteOutcome> {
  const seen = await tx.get<{ id: string }>(SELECT_BY_KEY, [e.id])
  if (seen) return { status: 'duplicate', eventId: seen.id }
  try {
    // s.db.tx inside the caller's transaction joins it as a savepoint.
    return await s.db.tx(async (sp) => {
      const { customer } = await upsertCustomerByExternalId(sp, s, e.customerExternalId, changes)
      const { event, duplicate } = await publishEvent(s, { type: e.type, customerId: customer.id, payload: e.payload, occurredAt: e.occurredAt, idempotencyKey: e.id, source, actor, emitter: 'core' }, sp)
      return { status: duplicate ? 'duplicate' : 'accepted', eventId: event.id } as const
    })
  } catch (err) {
    if (!(err instanceof RapportError) || err.status >= 500) throw err
    return { status: 'rejected', errors: [{ path: 'changes', message: err.message }] }
  }
}
