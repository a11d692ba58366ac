/**
 * @module
 * `GET /api/v1/deliveries` (what after-commit subscribers were sent, and what failed) and
 * `POST /api/v1/deliveries/{id}/retry` (queue a dead delivery again).
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { deliveryPage, deliverySchema, listDeliveriesQuery } from './delivery-schemas.js'
import { listDeliveries } from './list-deliveries.js'
import { retryDelivery } from './retry-delivery.js'

/** Delivery routes, for admins. @example const routes = [...deliveryRoutes(s)] */
export function deliveryRoutes(s: CoreServices) {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/deliveries', access: policies.admins, tags: ['deliveries'], summary: 'List after-commit deliveries, newest first',
      request: { query: listDeliveriesQuery },
      responses: { 200: jsonResponse(deliveryPage, 'One page of deliveries'), ...commonErrors },
    },
    async (c) => c.json(await listDeliveries(s.db, c.req.valid('query')), 200),
  )

  const retry = defineRoute(
    {
      method: 'post', path: '/api/v1/deliveries/{id}/retry', access: policies.admins, tags: ['deliveries'],
      summary: 'Queue a dead or pending delivery again, now, with its attempts reset',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: {
        200: jsonResponse(deliverySchema, 'Queued again'),
        404: jsonResponse(errorBody, 'Unknown delivery'),
        409: jsonResponse(errorBody, 'Done or running: not retried'),
        ...commonErrors,
      },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const delivery = await s.db.tx(async (tx) => {
        const queued = await retryDelivery(tx, id, s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'delivery.retried', targetType: 'delivery', targetId: id, details: { subscriber: queued.subscriber }, requestId: c.get('requestId') })
        return queued
      })
      return c.json(delivery, 200)
    },
  )

  return [list, retry]
}
