/**
 * @module
 * `GET /api/p/tiering/funnel`: customers on each ladder step and how many reached at least that
 * step (GROUP BY in SQL). Counts customers tiering has seen order; prospects without any order
 * are not in its records.
 */
import { commonErrors, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { LADDER } from '../../shared/vocabulary.js'
import type { TieringContext } from '../evaluation/types.js'

export const funnelSchema = z.object({
  steps: z.array(z.object({ step: z.enum(LADDER), count: z.number().int(), reached: z.number().int() })),
})

/** @example ctx.route(funnelRoute(ctx)) */
export const funnelRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/funnel', access: policies.staffRead('customers:read'), summary: 'Customers per ladder step, and how many reached each',
    responses: { 200: jsonResponse(funnelSchema, 'The funnel'), ...commonErrors },
  },
  async (c) => {
    const rows = await ctx.db.all<{ ladder: string; n: number }>('SELECT ladder, COUNT(*) AS n FROM tiering_customers WHERE ladder IS NOT NULL GROUP BY ladder')
    const counts = LADDER.map((step) => Number(rows.find((r) => r.ladder === step)?.n ?? 0))
    const steps = LADDER.map((step, i) => ({ step, count: counts[i]!, reached: counts.slice(i).reduce((a, b) => a + b, 0) }))
    return c.json({ steps }, 200)
  },
)
