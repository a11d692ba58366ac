/**
 * @module
 * `GET /analytics/texts?from=&to=&category=`: the sentiment and themes of what customers wrote in
 * the cases opened over a range, for staff and analysts.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { summariseFeedback } from '@rapport/text-analytics'
import { feedbackSummarySchema } from '@rapport/text-analytics/schema'
import { analyticsQuery } from '../../shared/schemas.js'
import { analyticsRange } from '../analytics/analytics-range.js'
import { complaintTexts } from '../analytics/complaint-texts.js'
import type { ComplaintsConfig } from '../config.js'
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
    const { from, to } = analyticsRange(q, ctx.now())
    const { texts, capped } = await complaintTexts(ctx.db, from, to, q.category)
    return c.json({ ...summariseFeedback(texts), capped }, 200)
  },
)
