/**
 * @module
 * `POST /members/{customerId}/redemptions`: spends a reward's cost and issues its voucher codes
 * (staff, or an API key with `customers:write`); `POST /voucher-uses` uses a code once; `POST
 * /voucher-voids` cancels an unused one and returns its points.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { memberParams, redemptionRequest, redemptionResult, voucherSchema, voucherUseRequest, voucherVoidRequest } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { redeemReward } from '../rewards/redeem-reward.js'
import { rewardBenefits } from '../rewards/reward-eligibility.js'
import { useVoucher } from '../rewards/use-voucher.js'
import { voidVoucher } from '../rewards/void-voucher.js'
import { findVoucher } from '../rewards/voucher-store.js'
import { actorOf } from './actor-of.js'
import { ledgerTx } from '../ledger/group-tx.js'

/** @example ctx.route(redemptionRoute(ctx)) */
export const redemptionRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members/{customerId}/redemptions', access: policies.staffWrite('customers:write'),
    summary: 'Redeem a reward for points; one voucher code per item',
    request: { params: memberParams, body: jsonBody(redemptionRequest) },
    responses: {
      200: jsonResponse(redemptionResult, 'A repeat of an earlier key: its first result'),
      201: jsonResponse(redemptionResult, 'Redeemed'),
      404: jsonResponse(errorBody, 'Not a member, or no such active reward'),
      409: jsonResponse(errorBody, 'Insufficient balance, out of stock, over the per-customer limit, tier not allowed, exclusive to other tiers, inactive member or a reused key'),
      ...commonErrors,
    },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const { rewardId, quantity, idempotencyKey } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const result = await ledgerTx(ctx)((tx) => redeemReward(tx, ctx, { customerId, rewardId, quantity, key: idempotencyKey, actor, benefitsOf: (id) => rewardBenefits(ctx, id) }))
    return result.repeated ? c.json(result, 200) : c.json(result, 201)
  },
)

/** @example ctx.route(voucherUseRoute(ctx)) */
export const voucherUseRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/voucher-uses', access: policies.staffWrite('customers:write'),
    summary: 'Use a voucher code (once, before it expires)',
    request: { body: jsonBody(voucherUseRequest) },
    responses: {
      200: jsonResponse(voucherSchema, 'Used'), 404: jsonResponse(errorBody, 'No such code'),
      409: jsonResponse(errorBody, 'Already used or voided'), 422: jsonResponse(errorBody, 'Expired'), ...commonErrors,
    },
  },
  async (c) => {
    const { code } = c.req.valid('json')
    return c.json(await ctx.db.tx((tx) => useVoucher(tx, code, ctx.now().toISOString())), 200)
  },
)

/** @example ctx.route(voucherVoidRoute(ctx)) */
export const voucherVoidRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/voucher-voids', access: policies.staffWrite('customers:write'),
    summary: 'Void an unused voucher code; its points go back to the member',
    request: { body: jsonBody(voucherVoidRequest) },
    responses: {
      200: jsonResponse(voucherSchema, 'Voided'), 404: jsonResponse(errorBody, 'No such code'),
      409: jsonResponse(errorBody, 'Already used or voided'), ...commonErrors,
    },
  },
  async (c) => {
    const { code, reason } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const voucher = await ctx.db.tx(async (tx) => {
      await voidVoucher(tx, ctx, { code, reason, actor })
      return findVoucher(tx, code)
    })
    return c.json(voucher!, 200)
  },
)
