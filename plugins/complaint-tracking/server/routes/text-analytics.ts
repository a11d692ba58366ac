/**
 * @module
 * `GET /analytics/texts?from=&to=&category=`: the sentiment and themes of what customers wrote in
 * the cases opened over a range, for staff and analysts.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { summariseFeedback } from '@rapport/text-analytics'
import { feedbackSummarySchema } from '@rapport/text-analytics/schema'
import { analyticsQuery } from '../../shared/schemas.js'
import { complaintTexts } from '../analytics/complaint-texts.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'

const DAY = 86_400_000
const textsQuery = analyticsQuery.extend({
  category: z.string().min(1).max(100).optional().openapi({ description: 'A category id; its sub-categories are included' }),
})

/** @example ctx.route(complaintTextsRoute(ctx)) */
export const complaintTextsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/analytics/texts', access: policies.staffRead('customers:read'),
    summary: 'Sentiment and themes of the complaint descriptions of cases opened in a range',
    request: { query: textsQuery },
    responses: { 200: jsonResponse(feedbackSummarySchema, 'Counts by sentiment, and themes with examples'), 422: jsonResponse(errorBody, 'Empty or too long range'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    // Like GET /analytics: by default the 30 days up to and including now.
    const to = q.to ? new Date(q.to) : new Date(ctx.now().getTime() + 1)
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY)
    if (!(from < to) || to.getTime() - from.getTime() > 366 * DAY) throw complaintsErrors.ANALYTICS_RANGE_INVALID({ from: from.toISOString(), to: to.toISOString() })
    const { texts, capped } = await complaintTexts(ctx.db, from.toISOString(), to.toISOString(), q.category)
    return c.json({ ...summariseFeedback(texts), capped }, 200)
  },
)
