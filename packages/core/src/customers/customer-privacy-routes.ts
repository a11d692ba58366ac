/**
 * @module
 * Routes for the customer's privacy rights: erase the personal data (owners), export everything
 * (whoever may export personal data: `policies.personalDataExport`). Both audit-logged.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { ERASED_FIELDS, eraseCustomer, exportCustomer } from './customer-erasure.js'
import { storedEventSchema } from '../events/event-schemas.js'
import { customerIdParams, customerSchema } from './schemas.js'

const exportSchema = z
  .object({ exportedAt: z.string(), customer: customerSchema, events: z.array(storedEventSchema) })
  .openapi('CustomerExport')

/**
 * `POST /customers/{id}/erase` (owners) and `GET /customers/{id}/export` (personal-data exporters), both audit-logged.
 * @example const routes = customerPrivacyRoutes(services)
 */
export function customerPrivacyRoutes(s: CoreServices): CoreRoute[] {
  const erase = defineRoute(
    {
      method: 'post', path: '/api/v1/customers/{id}/erase', access: policies.owners, tags: ['customers'], summary: "Erase a customer's personal data",
      description: 'Removes externalId, name, email, phone, birthday and attributes; keeps the id, locale, time zone and events. Idempotent.',
      request: { params: customerIdParams },
      responses: { 200: jsonResponse(z.object({ customer: customerSchema }), 'Erased (now or before)'), 404: jsonResponse(errorBody, 'No such customer'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const customer = await s.db.tx(async (tx) => {
        const result = await eraseCustomer(tx, s, id)
        if (result.erasedNow) {
          await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.erased', targetType: 'customer', targetId: id, details: { fields: [...ERASED_FIELDS] }, requestId: c.get('requestId') })
        }
        return result.customer
      })
      return c.json({ customer }, 200)
    },
  )

  const exportOne = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/export', access: policies.personalDataExport, tags: ['customers'], summary: 'Export everything stored about a customer',
      description: 'A JSON document served as an attachment: the customer and all its events, oldest first. Personal data: owners and admins only; each export is recorded in the audit log.',
      request: { params: customerIdParams },
      responses: { 200: jsonResponse(exportSchema, 'The export document'), 404: jsonResponse(errorBody, 'No such customer'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const doc = await s.db.tx(async (tx) => {
        const exported = await exportCustomer(tx, s, id)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.exported', targetType: 'customer', targetId: id, details: { rows: 1, events: exported.events.length }, requestId: c.get('requestId') })
        return exported
      })
      return c.json(doc, 200, { 'Content-Disposition': `attachment; filename="customer-${doc.customer.id}.json"` })
    },
  )

  return [erase, exportOne]
}
