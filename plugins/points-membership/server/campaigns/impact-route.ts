/**
 * @module
 * `POST /campaigns/impact` (admins): what a campaign, a rule change or both would have done to the
 * orders of the last `days` days, before it is saved. The campaign form shows it.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { impactReport, impactRequest } from '../../shared/campaign-schemas.js'
import { pointsConfig, type PointsConfig } from '../config.js'
import { previewImpact } from './impact-preview.js'

/** @example ctx.route(campaignImpactRoute(ctx)) */
export const campaignImpactRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/campaigns/impact', access: policies.admins,
    summary: 'Impact preview: replay the last N days of orders with a campaign or a rule change (customers affected, points issued, change of liability); writes nothing',
    request: { body: jsonBody(impactRequest) },
    responses: { 200: jsonResponse(impactReport, 'Before and after, over the replayed orders'), 422: jsonResponse(errorBody, 'A config the plugin refuses'), ...commonErrors },
  },
  async (c) => {
    const { days, campaign, replacing, config } = c.req.valid('json')
    const after = config === undefined ? ctx.config : pointsConfig.parse({ ...ctx.config, ...config })
    const { eventsReplayed: _, ...report } = await previewImpact(ctx, { days, before: ctx.config, after, campaign, replacing })
    return c.json(report, 200)
  },
)
