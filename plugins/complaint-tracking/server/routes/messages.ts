/**
 * @module
 * `POST /cases/{id}/messages`: staff post a reply the customer sees, or an internal note. The
 * case's customer replies through their link at `POST /me/cases/{id}/messages` (customer-routes).
 */
import { assertSameCustomer, commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseParams, messageRequest, messageSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { postMessage } from '../cases/post-message.js'
import type { ComplaintsConfig } from '../config.js'
import { replyMessage } from '../channels/customer-messages.js'

/** @example ctx.route(messageRoute(ctx)) */
export const messageRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/{id}/messages', access: policies.staffWrite('customers:write'),
    summary: 'Reply to the customer or add an internal note',
    request: { params: caseParams, body: jsonBody(messageRequest) },
    responses: {
      201: jsonResponse(messageSchema, 'The message'), 404: jsonResponse(errorBody, 'No such case'),
      409: jsonResponse(errorBody, 'The case is closed'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const caller = c.get('caller')
    const input = { ...body, actor: actorOf(caller), byCustomer: caller.kind === 'customer' }
    const message = await ctx.db.tx(async (tx) => {
      const posted = await postMessage(tx, ctx, id, input, (customerId) => assertSameCustomer(caller, customerId ?? ''))
      if (!input.byCustomer && posted.visibility === 'customer') await replyMessage(ctx, tx, id, posted.id)
      return posted
    })
    return c.json(message, 201)
  },
)
