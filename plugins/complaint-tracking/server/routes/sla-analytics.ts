/**
 * @module
 * `GET /analytics/sla`: SLA hit rates in business time by agent, category or channel, with filters,
 * over business-calendar days, counting running breaches as missed.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { slaAnalyticsQuery, slaAnalyticsSchema } from '../../shared/schemas.js'
import { slaAnalytics } from '../analytics/sla-analytics.js'
import type { ComplaintsConfig } from '../config.js'

/** @example ctx.route(slaAnalyticsRoute(ctx)) */
export const slaAnalyticsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/analytics/sla', access: policies.staffRead('customers:read'),
    summary: 'SLA hit rates by agent, category or channel over business days, running breaches counted as missed',
    request: { query: slaAnalyticsQuery },
    responses: { 200: jsonResponse(slaAnalyticsSchema, 'The figures'), 422: jsonResponse(errorBody, 'Empty or too long range'), ...commonErrors },
  },
  async (c) => c.json(await slaAnalytics(ctx, c.req.valid('query')), 200),
)
