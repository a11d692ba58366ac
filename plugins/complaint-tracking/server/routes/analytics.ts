/**
 * @module
 * `GET /analytics?from=&to=`: the complaint figures over a range (SQL), for staff and analysts.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { analyticsQuery, analyticsSchema } from '../../shared/schemas.js'
import { complaintAnalytics } from '../analytics/complaint-analytics.js'
import { runningBreaches } from '../analytics/running-breaches.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'

const DAY = 86_400_000

/** @example ctx.route(analyticsRoute(ctx)) */
export const analyticsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/analytics', access: policies.staffRead('customers:read'),
    summary: 'Open cases, volume, response and resolution times, SLA hit rate, reopen rate, CSAT, repeat complainers',
    request: { query: analyticsQuery },
    responses: { 200: jsonResponse(analyticsSchema, 'The figures'), 422: jsonResponse(errorBody, 'Empty or too long range'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    // By default up to and including now.
    const to = q.to ? new Date(q.to) : new Date(ctx.now().getTime() + 1)
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY)
    if (!(from < to) || to.getTime() - from.getTime() > 366 * DAY) throw complaintsErrors.ANALYTICS_RANGE_INVALID({ from: from.toISOString(), to: to.toISOString() })
    const running = await runningBreaches(ctx.db, ctx.config.sla, from.toISOString(), to.toISOString(), ctx.now())
    return c.json(await complaintAnalytics(ctx.db, from.toISOString(), to.toISOString(), running), 200)
  },
)
