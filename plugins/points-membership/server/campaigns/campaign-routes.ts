/**
 * @module
 * Campaign routes: `GET /campaigns` (staff who read customers), `POST /campaigns` and
 * `PUT /campaigns/{campaignId}` (admins). Pausing is `active: false`; a campaign is never deleted,
 * since its credits name it.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, z, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { campaignInput, campaignParams, campaignSchema } from '../../shared/campaign-schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { insertCampaign, listCampaigns, replaceCampaign, stateOf, type StoredCampaign } from './campaign-store.js'

const withState = (c: StoredCampaign, now: string) => ({ ...c, state: stateOf(c, now) })

/** @example ctx.route(listCampaignsRoute(ctx)) */
export const listCampaignsRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/campaigns', access: policies.staffRead('customers:read'), summary: 'Every campaign, latest start first, with its state now',
    responses: { 200: jsonResponse(z.object({ items: z.array(campaignSchema) }), 'The campaigns'), ...commonErrors },
  },
  async (c) => {
    const now = ctx.now().toISOString()
    return c.json({ items: (await listCampaigns(ctx.db)).map((x) => withState(x, now)) }, 200)
  },
)

/** @example ctx.route(createCampaignRoute(ctx)) */
export const createCampaignRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/campaigns', access: policies.admins, summary: 'Add a campaign: a multiplier or a bonus for orders in its window that meet its conditions',
    request: { body: jsonBody(campaignInput) },
    responses: { 201: jsonResponse(campaignSchema, 'Added'), ...commonErrors },
  },
  async (c) => {
    const now = ctx.now().toISOString()
    const campaign = await ctx.db.tx((tx) => insertCampaign(tx, c.req.valid('json'), now))
    await ctx.audit({ caller: c.get('caller'), action: 'points.campaign-created', targetType: 'campaign', targetId: campaign.id, requestId: c.get('requestId') })
    return c.json(withState(campaign, now), 201)
  },
)

/** @example ctx.route(replaceCampaignRoute(ctx)) */
export const replaceCampaignRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'put', path: '/campaigns/{campaignId}', access: policies.admins,
    summary: 'Change a campaign (its points issued so far stay counted against the budget; orders already credited keep their credits)',
    request: { params: campaignParams, body: jsonBody(campaignInput) },
    responses: { 200: jsonResponse(campaignSchema, 'Changed'), 404: jsonResponse(errorBody, 'No such campaign (POINTS_CAMPAIGN_NOT_FOUND)'), ...commonErrors },
  },
  async (c) => {
    const { campaignId } = c.req.valid('param')
    const now = ctx.now().toISOString()
    const campaign = await ctx.db.tx((tx) => replaceCampaign(tx, campaignId, c.req.valid('json'), now))
    if (!campaign) throw pointsErrors.CAMPAIGN_NOT_FOUND({ campaignId })
    await ctx.audit({ caller: c.get('caller'), action: 'points.campaign-changed', targetType: 'campaign', targetId: campaignId, requestId: c.get('requestId') })
    return c.json(withState(campaign, now), 200)
  },
)
