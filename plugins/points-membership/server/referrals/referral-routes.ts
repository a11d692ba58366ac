/**
 * @module
 * Referral routes: `POST /referrals` links a new customer to the member whose code they bring
 * (staff or an API key with customers:write, from the shop's signup or till flow);
 * `GET /members/{customerId}/referral` shows a member's code, who referred them and how many
 * they referred (staff).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { memberParams, referralLinkRequest, referralSchema, referralSummarySchema } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { findMember } from '../ledger/member-store.js'
import { linkReferral } from './link-referral.js'
import { referralCodeOf, referralCounts, referralOf } from './referral-store.js'

/** @example ctx.route(linkReferralRoute(ctx)) */
export const linkReferralRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/referrals', access: policies.staffWrite('customers:write'),
    summary: "Link a new customer to the member whose referral code they bring (at signup, before their first order)",
    request: { body: jsonBody(referralLinkRequest) },
    responses: {
      201: jsonResponse(referralSchema, 'Linked'),
      404: jsonResponse(errorBody, 'No such customer or referral code'),
      409: jsonResponse(errorBody, 'The customer already has a referrer, or already ordered'),
      422: jsonResponse(errorBody, 'A self-referral: their own code, or a customer with the same phone or email'),
      ...commonErrors,
    },
  },
  async (c) => {
    const { customerId, code } = c.req.valid('json')
    const referral = await ctx.db.tx((tx) => linkReferral(tx, ctx, { refereeId: customerId, code, at: ctx.now().toISOString() }))
    return c.json(referral, 201)
  },
)

/** @example ctx.route(memberReferralRoute(ctx)) */
export const memberReferralRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/members/{customerId}/referral', access: policies.staffRead('customers:read'),
    summary: "A member's referral code, who referred them, and how many customers they referred",
    request: { params: memberParams },
    responses: { 200: jsonResponse(referralSummarySchema, 'The referral summary'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    if (!(await findMember(ctx.db, customerId))) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    const code = await ctx.db.tx((tx) => referralCodeOf(tx, customerId, ctx.now().toISOString()))
    const referredBy = await referralOf(ctx.db, customerId)
    return c.json({ code, referredBy: referredBy?.referrerId ?? null, ...(await referralCounts(ctx.db, customerId)) }, 200)
  },
)
