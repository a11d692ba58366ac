/**
 * @module
 * `POST /members/{customerId}/spends`: spends points (staff, or an API key with
 * `customers:write`). The idempotency key is in the body; a repeat returns the first result.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { ledgerResultSchema, memberParams, spendRequest } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { spendPoints } from '../ledger/spend-points.js'
import { actorOf } from './actor-of.js'
import { ledgerTx } from '../ledger/group-tx.js'

/** @example ctx.route(spendRoute(ctx)) */
export const spendRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members/{customerId}/spends', access: policies.staffWrite('customers:write'),
    summary: 'Spend points from the earliest-expiring available lots',
    request: { params: memberParams, body: jsonBody(spendRequest) },
    responses: {
      200: jsonResponse(ledgerResultSchema, 'A repeat of an earlier key: its first result'),
      201: jsonResponse(ledgerResultSchema, 'Spent'),
      404: jsonResponse(errorBody, 'Not a member'),
      409: jsonResponse(errorBody, 'Insufficient balance, inactive member or a reused key'),
      422: jsonResponse(errorBody, 'Over the configured limit'),
      ...commonErrors,
    },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const { points, idempotencyKey, reference } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const result = await ledgerTx(ctx)((tx) => spendPoints(tx, ctx, { customerId, points, key: idempotencyKey, actor, ...(reference ? { reference } : {}) }))
    return result.repeated ? c.json(result, 200) : c.json(result, 201)
  },
)
