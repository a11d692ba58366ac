/**
 * @module
 * The HTTP shapes of the delivery routes.
 */
import { z } from '@hono/zod-openapi'
import { DELIVERY_STATES } from './delivery-row.js'

/** A delivery as the API shows it. @example jsonResponse(deliverySchema, 'The delivery') */
export const deliverySchema = z
  .object({
    id: z.string().openapi({ example: 'dlv_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    eventSeq: z.int(),
    eventId: z.string(),
    subscriber: z.string().openapi({ example: 'mailer:welcome', description: '`<plugin>:<subscription id>`' }),
    state: z.enum(DELIVERY_STATES),
    attempts: z.int(),
    maxAttempts: z.int(),
    nextAttemptAt: z.string(),
    claimedBy: z.string().nullable(),
    claimedUntil: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: 'The last failure message, truncated' }),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
  })
  .openapi('Delivery')

/** `GET /api/v1/deliveries` query. @example request: { query: listDeliveriesQuery } */
export const listDeliveriesQuery = z.strictObject({
  state: z.enum(DELIVERY_STATES).optional(),
  subscriber: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional().openapi({ description: 'The nextCursor of the previous page' }),
})

/** `GET /api/v1/deliveries` response. @example jsonResponse(deliveryPage, 'One page') */
export const deliveryPage = z
  .object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .openapi('DeliveryPage')
