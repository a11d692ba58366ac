/**
 * @module
 * `GET /api/p/tiering/funnel`: the ladder funnel. Customers on each step, how many reached at
 * least that step, and the conversion from the step below (reached here ÷ reached there). Counts
 * every customer tiering knows: those who ordered, and those another plugin's event brought in
 * (a member or a survey answer without an order yet).
 */
import { commonErrors, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { labels } from '../analytics/query-schemas.js'
import type { TieringContext } from '../evaluation/types.js'
import { profile } from '../profile.js'
import { LADDER } from '../../shared/vocabulary.js'

export const funnelSchema = z.object({
  total: z.number().int(),
  steps: z.array(z.object({
    step: z.enum(LADDER), label: labels, count: z.number().int(), reached: z.number().int(),
    /** reached ÷ the step below's reached; null for the first step or when no one reached the step below. */
    conversion: z.number().nullable(),
  })),
})

const stepLabels = profile.ladder.valueLabels as Record<string, { en: string; 'zh-CN': string }>

/** @example ctx.route(funnelRoute(ctx)) */
export const funnelRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/funnel', access: policies.staffRead('customers:read'), summary: 'The ladder funnel with conversion rates',
    responses: { 200: jsonResponse(funnelSchema, 'The funnel, lowest step first'), ...commonErrors },
  },
  async (c) => {
    const rows = await ctx.db.all<{ ladder: string; n: number }>('SELECT ladder, COUNT(*) AS n FROM tiering_customers WHERE ladder IS NOT NULL GROUP BY ladder')
    const counts = LADDER.map((step) => Number(rows.find((r) => r.ladder === step)?.n ?? 0))
    const reached = LADDER.map((_, i) => counts.slice(i).reduce((a, b) => a + b, 0))
    const steps = LADDER.map((step, i) => ({
      step, label: stepLabels[step]!, count: counts[i]!, reached: reached[i]!,
      conversion: i === 0 || reached[i - 1] === 0 ? null : Math.round((reached[i]! / reached[i - 1]!) * 10_000) / 10_000,
    }))
    return c.json({ total: reached[0]!, steps }, 200)
  },
)
