/**
 * @module
 * The member's own page: `POST /members/{customerId}/links` (staff) issues a signed link
 * `/m/<token>`; `GET /me` (that link, header `x-rapport-link`) answers what the page shows:
 * balance, points about to expire, the latest entries without staff notes, the value tier and
 * the rewards the balance covers and the customer may redeem (tiers, tiering's exclusive rewards),
 * the wallet (their vouchers, points expiring in 30/60/90 days, progress to the next tier);
 * `POST /me/redemptions` (that link) redeems one of them.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { memberLinkRequest, memberLinkSchema, memberPageViewSchema, memberParams, redemptionResult, selfRedemptionRequest, type MemberPageView } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { addDays } from '../ledger/ledger-deps.js'
import { findMember } from '../ledger/member-store.js'
import { redeemReward } from '../rewards/redeem-reward.js'
import { refusalOf, rewardBenefits } from '../rewards/reward-eligibility.js'
import { listRewards } from '../rewards/reward-store.js'
import { memberView } from './member-view.js'
import { expiringWithin, tierProgressOf, walletVouchers } from './member-wallet.js'
import { ledgerTx } from '../ledger/group-tx.js'
import { referralCodeOf, referralCounts } from '../referrals/referral-store.js'

/** The link purpose: links this plugin issues open its customer routes. */
export const MEMBER_LINK = 'points-membership'
/** Where the host serves the member page (the plugin's `pages`). */
export const MEMBER_PAGE_PATH = '/m'
const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const

/** @example ctx.route(issueMemberLinkRoute(ctx)) */
export const issueMemberLinkRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members/{customerId}/links', access: policies.staffWrite('customers:write'),
    summary: "Issue a signed link to the member's own page (/m/<token>)",
    request: { params: memberParams, body: jsonBody(memberLinkRequest) },
    responses: { 201: jsonResponse(memberLinkSchema, 'The link'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const { ttlDays } = c.req.valid('json')
    if (!(await findMember(ctx.db, customerId))) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    const { token, expiresAt } = ctx.issueCustomerLink(customerId, { ttlSeconds: ttlDays * 86_400 })
    return c.json({ path: `${MEMBER_PAGE_PATH}/${token}`, token, expiresAt }, 201)
  },
)

/** @example ctx.route(memberPageRoute(ctx)) */
export const memberPageRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/me', access: policies.customer(MEMBER_LINK),
    summary: "The member's own page: balance, expiring points, latest entries, tier and its progress, affordable rewards and their vouchers",
    responses: { 200: jsonResponse(memberPageViewSchema, 'The page'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const caller = c.get('caller')
    // The policy admits only customer links; the customer is the link's, never a parameter.
    const customerId = caller.kind === 'customer' ? caller.customerId : ''
    const member = await findMember(ctx.db, customerId)
    if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    const now = ctx.now().toISOString()
    const view = await memberView(ctx.db, member, now)
    const horizon = addDays(now, ctx.config.expiringSoonDays)
    const expiring = new Map<string, number>()
    for (const lot of view.lots) {
      if (lot.remaining > 0 && lot.expiresAt > now && lot.expiresAt <= horizon) {
        const day = lot.expiresAt.slice(0, 10)
        expiring.set(day, (expiring.get(day) ?? 0) + lot.remaining)
      }
    }
    const tier = (await ctx.readProfile(customerId))['tiering.tier']
    const rewards = await listRewards(ctx.db)
    const benefits = await rewardBenefits(ctx, customerId)
    const body: MemberPageView = {
      memberNo: member.memberNo, status: member.status, memberSince: member.joinedAt,
      balance: view.balance, available: view.available, pending: view.pending, debt: view.debt, lifetimeEarned: view.lifetimeEarned,
      expiring: [...expiring].sort(([a], [b]) => a.localeCompare(b)).map(([date, points]) => ({ date, points })),
      entries: view.entries.map((e) => ({ kind: e.kind, delta: e.delta, orderId: e.kind === 'earn' || e.kind === 'revoke' ? e.orderId : null, occurredAt: e.occurredAt })),
      tier: (TIERS as readonly unknown[]).includes(tier) ? (tier as MemberPageView['tier']) : null,
      affordable: member.status === 'active'
        ? rewards.filter((r) => r.active && r.costPoints <= view.available && (r.stock === null || r.stock > 0) && refusalOf(r, benefits) === null).map((r) => ({ id: r.id, name: r.name, kind: r.kind, costPoints: r.costPoints }))
        : [],
      vouchers: await walletVouchers(ctx.db, customerId, now),
      expiringWithin: expiringWithin(view.lots, now),
      tierProgress: await tierProgressOf(ctx, customerId, ctx.now()),
      // The code is made the first time the member sees it.
      referral: { code: await ctx.db.tx((tx) => referralCodeOf(tx, customerId, now)), ...(await referralCounts(ctx.db, customerId)) },
    }
    return c.json(body, 200)
  },
)

/** @example ctx.route(selfRedemptionRoute(ctx)) */
export const selfRedemptionRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/me/redemptions', access: policies.customer(MEMBER_LINK),
    summary: 'The member redeems one item of a reward from their own page; a repeated key returns the first result',
    request: { body: jsonBody(selfRedemptionRequest) },
    responses: {
      200: jsonResponse(redemptionResult, 'A repeat of an earlier key: its first result'),
      201: jsonResponse(redemptionResult, 'Redeemed'),
      404: jsonResponse(errorBody, 'Not a member, or no such active reward'),
      409: jsonResponse(errorBody, 'Insufficient balance, out of stock, over the per-customer limit, tier not allowed, inactive member or a reused key'),
      ...commonErrors,
    },
  },
  async (c) => {
    const caller = c.get('caller')
    // The customer is the link's; the link id is the actor on the spend, so staff can trace it.
    if (caller.kind !== 'customer') throw pointsErrors.MEMBER_NOT_FOUND({ customerId: '' })
    const { rewardId, idempotencyKey } = c.req.valid('json')
    const result = await ledgerTx(ctx)((tx) => redeemReward(tx, ctx, {
      customerId: caller.customerId, rewardId, quantity: 1, key: `self:${idempotencyKey}`, actor: `link:${caller.linkId}`, benefitsOf: (id) => rewardBenefits(ctx, id),
    }))
    return result.repeated ? c.json(result, 200) : c.json(result, 201)
  },
)
