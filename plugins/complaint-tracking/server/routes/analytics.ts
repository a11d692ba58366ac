/**
 * @module
 * `GET /analytics?from=&to=`: the complaint figures over a range (SQL), for staff and analysts.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { analyticsQuery, analyticsSchema } from '../../shared/schemas.js'
import { analyticsRange } from '../analytics/analytics-range.js'
import { complaintAnalytics } from '../analytics/complaint-analytics.js'
import { runningBreaches } from '../analytics/running-breaches.js'
import type { ComplaintsConfig } from '../config.js'

/** @example ctx.route(analyticsRoute(ctx)) */
export const analyticsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/analytics', access: policies.staffRead('customers:read'),
    summary: 'Open cases, volume, response and resolution times, SLA hit rate, reopen rate, CSAT, repeat complainers',
    request: { query: analyticsQuery },
    responses: { 200: jsonResponse(analyticsSchema, 'The figures'), 422: jsonResponse(errorBody, 'Empty or too long range'), ...commonErrors },
  },
  async (c) => {
    const { from, to } = analyticsRange(c.req.valid('query'), ctx.now())
    const running = await runningBreaches(ctx.db, ctx.config.sla, from, to, ctx.now())
    return c.json(await complaintAnalytics(ctx.db, from, to, running), 200)
  },
)
