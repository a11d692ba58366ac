/**
 * @module
 * A customer's consent per channel: `GET /api/v1/customers/{id}/consents` and
 * `PUT /api/v1/customers/{id}/consents/{channel}` (an agent records what the customer said on the
 * phone; audit-logged; a grant on a channel that cannot reach the customer is refused).
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { customerErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { assertReachable } from './channels/assert-reachable.js'
import { consentsOf, recordConsent } from './consent-store.js'
import { consentSchema } from './message-schemas.js'
import { MESSAGE_READERS } from './message-routes.js'

const customerParam = z.object({ id: z.string().min(1).max(64) })

/** @example const routes = [...consentRoutes(s)] */
export function consentRoutes(s: CoreServices) {
  const requireCustomer = async (id: string) => {
    if (!(await s.db.get('SELECT id FROM core_customers WHERE id = ?', [id]))) throw customerErrors.NOT_FOUND({ customerId: id })
  }
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/consents', access: MESSAGE_READERS, tags: ['messaging'], summary: "A customer's consent per channel",
      request: { params: customerParam },
      responses: { 200: jsonResponse(z.object({ items: z.array(consentSchema) }), 'Recorded choices; a channel not listed was never withdrawn'), 404: jsonResponse(errorBody, 'Unknown customer'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      await requireCustomer(id)
      return c.json({ items: await consentsOf(s.db, id) }, 200)
    },
  )
  const set = defineRoute(
    {
      method: 'put', path: '/api/v1/customers/{id}/consents/{channel}', access: policies.staffWrite(), tags: ['messaging'], summary: "Record a customer's consent on a channel",
      request: { params: customerParam.extend({ channel: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/) }), body: jsonBody(z.strictObject({ state: z.enum(['granted', 'withdrawn']) })) },
      responses: {
        200: jsonResponse(z.object({ items: z.array(consentSchema) }), 'The customer\'s consents'), 404: jsonResponse(errorBody, 'Unknown customer'),
        422: jsonResponse(errorBody, 'Granted on a channel the customer has no valid address for (MESSAGE_ADDRESS_INVALID)'), ...commonErrors,
      },
    },
    async (c) => {
      const { id, channel } = c.req.valid('param')
      const { state } = c.req.valid('json')
      await requireCustomer(id)
      if (state === 'granted') await assertReachable(s, id, channel)
      await s.db.tx(async (tx) => {
        await recordConsent(tx, { customerId: id, channel, state, source: 'admin' }, s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.consent-changed', targetType: 'customer', targetId: id, details: { channel, state }, requestId: c.get('requestId') })
      })
      return c.json({ items: await consentsOf(s.db, id) }, 200)
    },
  )
  return [list, set]
}
