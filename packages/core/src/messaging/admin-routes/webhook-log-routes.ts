/**
 * @module
 * `GET /api/v1/webhooks/{id}/deliveries` (owners, admins): one endpoint's delivery log, newest
 * first, each delivery with the type of the event it carried, so the admin shows what was sent
 * and how it went without reading the whole delivery list.
 */
import { z } from '@hono/zod-openapi'
import { DELIVERY_STATES } from '../../deliveries/delivery-row.js'
import { messageErrors } from '../../errors/index.js'
import { policies } from '../../http/access.js'
import { defineRoute } from '../../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../../http/responses.js'
import type { CoreServices } from '../../services.js'
import { WEBHOOK_SUBSCRIBER } from '../webhooks/send-webhook.js'
import { loadEndpoints } from '../webhooks/webhook-endpoints.js'

/** One delivery of an event to an endpoint. */
export const webhookDeliverySchema = z
  .object({
    id: z.string(), eventId: z.string(), eventType: z.string().nullable(), state: z.enum(DELIVERY_STATES), attempts: z.int(), maxAttempts: z.int(),
    lastError: z.string().nullable(), createdAt: z.string(), nextAttemptAt: z.string(), doneAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery')

type Row = {
  id: string; event_id: string; type: string | null; state: (typeof DELIVERY_STATES)[number]; attempts: number; max_attempts: number
  last_error: string | null; created_at: string; next_attempt_at: string; done_at: string | null
}

const LOG = `SELECT d.id, d.event_id, e.type, d.state, d.attempts, d.max_attempts, d.last_error, d.created_at, d.next_attempt_at, d.done_at
  FROM core_deliveries d LEFT JOIN core_events e ON e.id = d.event_id WHERE d.subscriber = ? ORDER BY d.created_at DESC, d.id DESC LIMIT ?`

/** @example const routes = [...webhookLogRoutes(s)] */
export function webhookLogRoutes(s: CoreServices) {
  const log = defineRoute(
    {
      method: 'get', path: '/api/v1/webhooks/{id}/deliveries', access: policies.admins, tags: ['webhooks'], summary: "An endpoint's deliveries, newest first (retry one with POST /api/v1/deliveries/{id}/retry)",
      request: { params: z.object({ id: z.string().min(1).max(64) }), query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(webhookDeliverySchema) }), 'The latest deliveries'), 404: jsonResponse(errorBody, 'Unknown endpoint'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await loadEndpoints(s.db)).some((e) => e.id === id)) throw messageErrors.WEBHOOK_NOT_FOUND({ webhookId: id })
      const rows = await s.db.all<Row>(LOG, [`core:${WEBHOOK_SUBSCRIBER}${id}`, c.req.valid('query').limit])
      return c.json({
        items: rows.map((r) => ({
          id: r.id, eventId: r.event_id, eventType: r.type, state: r.state, attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts),
          lastError: r.last_error, createdAt: r.created_at, nextAttemptAt: r.next_attempt_at, doneAt: r.done_at,
        })),
      }, 200)
    },
  )
  return [log]
}
