/**
 * @module
 * `POST /members/{customerId}/adjustments`: an admin adds or removes points, with a reason; the
 * entry records who did it.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, newId, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { adjustmentRequest, ledgerResultSchema, memberParams } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { adjustPoints } from '../ledger/adjust-points.js'
import { actorOf } from './actor-of.js'
import { ledgerTx } from '../ledger/group-tx.js'

/** @example ctx.route(adjustmentRoute(ctx)) */
export const adjustmentRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members/{customerId}/adjustments', access: policies.admins,
    summary: 'Adjust a balance (admins; reason required)',
    request: { params: memberParams, body: jsonBody(adjustmentRequest) },
    responses: {
      200: jsonResponse(ledgerResultSchema, 'A repeat of an earlier key: its first result'),
      201: jsonResponse(ledgerResultSchema, 'Adjusted'),
      404: jsonResponse(errorBody, 'Not a member'),
      409: jsonResponse(errorBody, 'Would overdraw, or a reused key'),
      422: jsonResponse(errorBody, 'Over the configured limit'),
      ...commonErrors,
    },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const { points, reason, idempotencyKey } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const result = await ledgerTx(ctx)((tx) => adjustPoints(tx, ctx, { customerId, points, reason, key: idempotencyKey ?? newId('adj'), actor }))
    return result.repeated ? c.json(result, 200) : c.json(result, 201)
  },
)
