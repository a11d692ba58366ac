/**
 * @module
 * The till API (API keys with `vouchers:use`, and staff): `GET /vouchers/{code}` looks a code up
 * without using it; `POST /vouchers/{code}/uses` uses it once under the till's idempotency key
 * with the order it was used on; `POST /vouchers/{code}/use-undos` undoes that use within
 * `voucherUndoMinutes` (409 after it).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { tillUndoRequest, tillUseRequest, tillUseResult, tillVoucherSchema, voucherCodeParams } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { lookUpVoucher, undoTillUse, useAtTill } from '../rewards/till-voucher.js'
import { actorOf } from './actor-of.js'

/** @example ctx.route(tillLookUpRoute(ctx)) */
export const tillLookUpRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/vouchers/{code}', access: policies.staffRead('vouchers:use'),
    summary: 'Look a voucher code up without using it: status, reward and its value, whose it is, expiry',
    request: { params: voucherCodeParams },
    responses: { 200: jsonResponse(tillVoucherSchema, 'The voucher'), 404: jsonResponse(errorBody, 'No such code'), ...commonErrors },
  },
  async (c) => c.json(await lookUpVoucher(ctx.db, ctx, c.req.valid('param').code, ctx.now().toISOString()), 200),
)

/** @example ctx.route(tillUseRoute(ctx)) */
export const tillUseRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/vouchers/{code}/uses', access: policies.staffWrite('vouchers:use'),
    summary: 'Use a voucher code once, for an order; a repeat of the key returns the first result',
    request: { params: voucherCodeParams, body: jsonBody(tillUseRequest) },
    responses: {
      200: jsonResponse(tillUseResult, 'A repeat of an earlier key: the voucher now'), 201: jsonResponse(tillUseResult, 'Used'),
      404: jsonResponse(errorBody, 'No such code'), 409: jsonResponse(errorBody, 'Already used or voided, or the key was used for another order'),
      422: jsonResponse(errorBody, 'Expired'), ...commonErrors,
    },
  },
  async (c) => {
    const { code } = c.req.valid('param')
    const { idempotencyKey, orderReference } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const { voucher, repeated } = await ctx.db.tx((tx) => useAtTill(tx, ctx, { code, key: idempotencyKey, orderReference, actor, now: ctx.now().toISOString() }))
    return repeated ? c.json({ ...voucher, repeated }, 200) : c.json({ ...voucher, repeated }, 201)
  },
)

/** @example ctx.route(tillUndoRoute(ctx)) */
export const tillUndoRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/vouchers/{code}/use-undos', access: policies.staffWrite('vouchers:use'),
    summary: 'Undo the use made under a key, within voucherUndoMinutes: the code can be used again',
    request: { params: voucherCodeParams, body: jsonBody(tillUndoRequest) },
    responses: {
      200: jsonResponse(tillUseResult, 'Undone (repeated: true when it already was)'),
      404: jsonResponse(errorBody, 'No such code, or no use of it under that key'), 409: jsonResponse(errorBody, 'The undo window has passed'), ...commonErrors,
    },
  },
  async (c) => {
    const { code } = c.req.valid('param')
    const { idempotencyKey, reason } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const result = await ctx.db.tx((tx) => undoTillUse(tx, ctx, { code, key: idempotencyKey, reason: reason ?? null, actor, now: ctx.now().toISOString() }))
    return c.json({ ...result.voucher, repeated: result.repeated }, 200)
  },
)
