/**
 * @module
 * `GET /api/p/tiering/customers/{customerId}/explain`: why the customer is in their tier, segment,
 * recency status and ladder step (see `explainCustomer`). The host's
 * `GET /api/v1/customers/{id}/explain?field=tiering.tier` answers the other question: which
 * evaluation changed the field, and when.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { tieringErrors } from '../errors.js'
import { explainCustomer } from '../evaluation/explain-customer.js'
import type { TieringContext } from '../evaluation/types.js'

/** @example ctx.route(customerExplainRoute(ctx)) */
export const customerExplainRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/customers/{customerId}/explain', access: policies.staffRead('customers:read'), summary: 'Why a customer is in their tier, segment and ladder step',
    request: { params: z.object({ customerId: z.string().min(1) }) },
    responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The explanation'), 404: jsonResponse(errorBody, 'Tiering has no record of this customer'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const why = await explainCustomer(ctx, ctx.db, customerId)
    if (!why) throw tieringErrors.CUSTOMER_NOT_FOUND({ customerId })
    return c.json(why, 200)
  },
)
