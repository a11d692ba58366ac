/**
 * @module
 * Staff create a signed link for a customer (to send by mail or SMS, or to print as a QR code);
 * the link opens that customer's pages of one plugin, until it expires.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { getCustomer } from '../customers/customer-store.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { issueCustomerLink } from './customer-links.js'
import { linkErrors } from './link-errors.js'

const request = z.strictObject({
  purpose: z.string().min(1).max(60).openapi({ description: 'The plugin whose customer pages the link opens', example: 'points-membership' }),
  ttlHours: z.int().min(1).max(24 * 90).default(24 * 7),
  singleUse: z.boolean().default(false),
}).openapi('CreateCustomerLinkRequest')

/** `POST /api/v1/customers/{id}/links`. */
export function linkRoutes(s: CoreServices) {
  return [
    defineRoute(
      {
        method: 'post', path: '/api/v1/customers/{id}/links', access: policies.staffWrite('customers:write'), tags: ['customers'], summary: 'Create a signed, expiring link to a customer page',
        request: { params: z.object({ id: z.string().max(100) }), body: jsonBody(request) },
        responses: { 201: jsonResponse(z.object({ token: z.string(), expiresAt: z.string(), purpose: z.string() }), 'The link token'), 404: jsonResponse(errorBody, 'Unknown customer'), 422: jsonResponse(errorBody, 'Unknown purpose'), ...commonErrors },
      },
      async (c) => {
        const { id } = c.req.valid('param')
        const { purpose, ttlHours, singleUse } = c.req.valid('json')
        if (!s.runtime.active().some((p) => p.definition.name === purpose)) throw linkErrors.PURPOSE_UNKNOWN({ purpose })
        await getCustomer(s.db, s, id)
        const { token, link } = issueCustomerLink(s, { customerId: id, purpose, ttlSeconds: ttlHours * 3600, singleUse })
        await recordAudit(s.db, s.now(), { caller: c.get('caller'), action: 'customer.link-created', targetType: 'customer', targetId: id, details: { purpose, ttlHours, singleUse }, requestId: c.get('requestId') })
        return c.json({ token, expiresAt: link.expiresAt, purpose }, 201)
      },
    ),
  ]
}
