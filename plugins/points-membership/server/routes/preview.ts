/**
 * @module
 * `POST /preview`: what an order would earn and why, without writing anything. With a
 * `customerId`, the tier multiplier and that customer's caps count too (an unknown customer is
 * 404 CUSTOMER_NOT_FOUND).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { previewRequest, previewResponse } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { calculateEarning } from '../earning/calculate-earning.js'
import { earnedSoFar } from '../earning/order-store.js'
import { tierMultiplier } from '../earning/tier-multiplier.js'
import { pointsErrors } from '../errors.js'

/** @example ctx.route(previewRoute(ctx)) */
export const previewRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/preview', access: policies.staffRead('customers:read'),
    summary: 'What an order would earn, and why',
    request: { body: jsonBody(previewRequest) },
    responses: {
      200: jsonResponse(previewResponse, 'The earning, line by line'), 404: jsonResponse(errorBody, 'No such customer (CUSTOMER_NOT_FOUND)'),
      422: jsonResponse(errorBody, 'Another currency'), ...commonErrors,
    },
  },
  async (c) => {
    const { customerId, ...order } = c.req.valid('json')
    if (order.currency !== ctx.config.currency) throw pointsErrors.CURRENCY_MISMATCH({ currency: order.currency, expected: ctx.config.currency })
    if (customerId !== undefined) await ctx.customers.require(customerId)
    const context = customerId === undefined ? {} : {
      tierMultiplier: await tierMultiplier(ctx, customerId),
      ...(await earnedSoFar(ctx.db, customerId, ctx.now().toISOString())),
    }
    return c.json(calculateEarning(order, ctx.config, context), 200)
  },
)
