/**
 * @module
 * `GET /api/v1/customers/{id}/events`: one customer's events, newest first, paged by an opaque cursor.
 */
import { z } from '@hono/zod-openapi'
import { listCustomerEvents } from '../events/event-log.js'
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { getCustomer } from './customer-store.js'
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js'
import { customerIdParams } from './schemas.js'
import { storedEventSchema } from '../events/event-schemas.js'

const eventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})

const CURSOR_SORT = 'events'

/**
 * The customer events route.
 * @example const routes = customerEventRoutes(services)
 */
export function customerEventRoutes(s: CoreServices): CoreRoute[] {
  const events = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/events', access: policies.staffRead('events:read'), tags: ['customers'], summary: "A customer's events, newest first",
      request: { params: customerIdParams, query: eventsQuery },
      responses: {
        200: jsonResponse(z.object({ items: z.array(storedEventSchema), nextCursor: z.string().nullable() }), 'One page'),
        404: jsonResponse(errorBody, 'No such customer'), ...commonErrors,
      },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { limit, cursor } = c.req.valid('query')
      let beforeSeq: number | undefined
      if (cursor !== undefined) {
        const { key } = decodeCursor(cursor, CURSOR_SORT)
        if (typeof key !== 'number') throw invalidCursor()
        beforeSeq = key
      }
      await getCustomer(s.db, s, id)
      const page = await listCustomerEvents(s.db, id, { limit, ...(beforeSeq === undefined ? {} : { beforeSeq }) })
      const last = page.items[page.items.length - 1]
      const nextCursor = page.nextBeforeSeq !== null && last ? encodeCursor(CURSOR_SORT, { key: page.nextBeforeSeq, id: last.id }) : null
      return c.json({ items: page.items, nextCursor }, 200)
    },
  )
  return [events]
}
