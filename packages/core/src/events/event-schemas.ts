/**
 * @module
 * The HTTP shapes of the event routes: the ingest request and its per-item results, stored
 * events and the list query. Event payloads themselves are in `standard-events.ts`.
 */
import { z } from '@hono/zod-openapi'
import { MAX_EVENTS_PER_BATCH } from './ingest-events.js'
import { ACTOR_TYPES } from './event-actor.js'
import { EVENT_SOURCES } from './event-log.js'

/**
 * `POST /api/v1/events` body. Items are checked one by one (a bad item is rejected alone), so the
 * array holds anything here; more than {@link MAX_EVENTS_PER_BATCH} is a 413.
 * @example request: { body: jsonBody(ingestRequest) }
 */
export const ingestRequest = z
  .strictObject({
    events: z.array(z.unknown()).min(1).openapi({
      description: `1 to ${MAX_EVENTS_PER_BATCH} events, each an OrderCompletedEvent, OrderRefundedEvent or CustomerUpdatedEvent. Each item is validated on its own.`,
    }),
  })
  .openapi('IngestEventsRequest')

const issue = z.object({ path: z.string(), message: z.string() })

/** The result of one item, in the order sent. @example ingestItemResult.parse({ index: 0, id: 'o-1', status: 'accepted', eventId: 'evt_…' }) */
export const ingestItemResult = z
  .object({
    index: z.int(),
    id: z.string().nullable(),
    status: z.enum(['accepted', 'duplicate', 'rejected']),
    eventId: z.string().optional().openapi({ description: 'The stored event; for a duplicate, the one first stored under this id' }),
    errors: z.array(issue).optional(),
  })
  .openapi('IngestItemResult')

/** `POST /api/v1/events` response. @example responses: { 200: jsonResponse(ingestResponse, 'Per-item results') } */
export const ingestResponse = z
  .object({
    results: z.array(ingestItemResult),
    totals: z.object({ accepted: z.int(), duplicates: z.int(), rejected: z.int() }),
  })
  .openapi('IngestEventsResponse')

/** Who caused an event. @example eventActorSchema.parse({ type: 'apiKey', id: 'key_1' }) */
export const eventActorSchema = z
  .object({
    type: z.enum(ACTOR_TYPES),
    id: z.string().nullable().openapi({ description: 'The user, API key or customer id; for system, what acted (`job:<plugin>:<name>`, `demo`, `import`); null when anonymous' }),
  })
  .openapi('EventActor')

/** An event as stored in the log. @example z.array(storedEventSchema) */
export const storedEventSchema = z
  .object({
    id: z.string().openapi({ example: 'evt_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    seq: z.int(),
    type: z.string().openapi({ example: 'order.completed' }),
    customerId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
    recordedAt: z.string(),
    source: z.enum(EVENT_SOURCES),
    actor: eventActorSchema.nullable().openapi({ description: 'Who caused the event; null for events logged before actors were recorded' }),
  })
  .openapi('StoredEvent')

/** `GET /api/v1/events` query. @example request: { query: listEventsQuery } */
export const listEventsQuery = z.strictObject({
  type: z.string().min(1).max(100).optional(),
  customerId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional().openapi({ description: 'The nextCursor of the previous page' }),
})

/** `GET /api/v1/events` response. @example responses: { 200: jsonResponse(eventPage, 'One page of events') } */
export const eventPage = z
  .object({ items: z.array(storedEventSchema), nextCursor: z.string().nullable() })
  .openapi('EventPage')
