/**
 * @module
 * `POST /api/v1/events` (ingest a batch) and `GET /api/v1/events` (read the log).
 */
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { auditedWriter } from './audited-writer.js'
import { actorOfCaller } from './event-actor.js'
import { eventPage, ingestRequest, ingestResponse, listEventsQuery } from './event-schemas.js'
import { createGroupCommit } from './group-commit.js'
import { ingestEvents, MAX_EVENTS_PER_BATCH } from './ingest-events.js'
import { listEvents } from './list-events.js'

/** Largest ingest body: 1,000 events with their items fit well within it. @example defineRoute({ bodyLimitBytes: INGEST_BODY_LIMIT_BYTES, ... }) */
export const INGEST_BODY_LIMIT_BYTES = 4 * 1024 * 1024

/** Event routes: ingest and list. @example const routes = [...eventRoutes(s)] */
export function eventRoutes(s: CoreServices) {
  // Concurrent requests share write transactions: one COMMIT for many single-event batches.
  const writer = createGroupCommit(s)

  const ingest = defineRoute(
    {
      method: 'post', path: '/api/v1/events', access: policies.businessEvents, bodyLimitBytes: INGEST_BODY_LIMIT_BYTES,
      tags: ['events'], summary: 'Ingest a batch of events',
      description: [
        `Takes 1 to ${MAX_EVENTS_PER_BATCH} events. Each item is validated on its own and gets its own result, in order:`,
        '`accepted` (stored), `duplicate` (an event with this `id` was stored before, or earlier in this batch; nothing changes) or',
        '`rejected` (with `errors`). The answer is 200 whenever the batch itself is well formed, even if every item was rejected:',
        'read `results` and `totals`. Valid items are written together in one transaction (shared with batches arriving at the same time). An unknown `customerExternalId` creates the customer.',
        'Orders earn points and tiers, so only API keys with `events:write`, owners and admins may send events (agents and analysts may not).',
        'Each event records its actor (the API key or user); events sent from a signed-in session are also recorded in the audit log.',
      ].join(' '),
      request: { body: jsonBody(ingestRequest) },
      responses: {
        200: jsonResponse(ingestResponse, 'Per-item results, in the order sent'),
        413: jsonResponse(errorBody, `More than ${MAX_EVENTS_PER_BATCH} events, or a body over 4 MiB`),
        415: jsonResponse(errorBody, 'Not application/json'),
        ...commonErrors,
      },
    },
    async (c) => {
      const caller = c.get('caller')
      const through = caller.kind === 'user' ? auditedWriter(s, { caller, requestId: c.get('requestId') }) : writer
      return c.json(await ingestEvents(s, c.req.valid('json').events, { source: 'api', actor: actorOfCaller(caller), writer: through }), 200)
    },
  )

  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/events', access: policies.staffRead('events:read'), tags: ['events'], summary: 'List the event log, newest first',
      request: { query: listEventsQuery },
      responses: { 200: jsonResponse(eventPage, 'One page of events'), ...commonErrors },
    },
    async (c) => c.json(await listEvents(s.db, c.req.valid('query')), 200),
  )

  return [ingest, list]
}
