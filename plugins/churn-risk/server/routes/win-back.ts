/**
 * @module
 * `POST /api/p/churn-risk/customers/{customerId}/win-back`: offers the win-back points (once per
 * customer per period). Answers `unavailable` with the reason when points-membership is not
 * enabled or does not credit the customer; a repeat in the same period answers `alreadyOffered`.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z, type PluginContext } from '@rapport/plugin-sdk'
import { winBackResult } from '../../shared/schemas.js'
import type { ChurnConfig } from '../config.js'
import { churnErrors } from '../errors.js'
import { offerWinBack } from '../win-back/offer-win-back.js'

/** @example ctx.route(winBackRoute(ctx)) */
export const winBackRoute = (ctx: PluginContext<ChurnConfig>) => defineRoute(
  {
    method: 'post', path: '/customers/{customerId}/win-back', access: policies.staffWrite('customers:write'), summary: 'Offer the win-back points (once per customer per period)',
    request: { params: z.object({ customerId: z.string().min(1).max(100) }) },
    responses: { 200: jsonResponse(winBackResult, 'What the offer came to'), 404: jsonResponse(errorBody, 'Not scored yet'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const caller = c.get('caller')
    const by = caller.kind === 'user' ? `user:${caller.userId}` : caller.kind === 'apiKey' ? `apiKey:${caller.keyId}` : caller.kind
    const outcome = await ctx.db.tx(async (tx) => {
      if (!(await tx.get('SELECT 1 AS one FROM churn_risk_scores WHERE customer_id = ?', [customerId]))) throw churnErrors.CUSTOMER_NOT_SCORED({ customerId })
      return offerWinBack(ctx, tx, customerId, by, ctx.now())
    })
    return c.json(outcome, 200)
  },
)
