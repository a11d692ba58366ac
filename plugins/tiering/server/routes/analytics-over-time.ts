/**
 * @module
 * `GET /api/p/tiering/analytics/over-time`: how many customers were in each tier (or on each
 * ladder step) at the end of each day, week or month of a period, read from the change history
 * in one SQL statement.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { periodPoints } from '../analytics/period-points.js'
import { dimension, instant } from '../analytics/query-schemas.js'
import { HOLDS_AT, stateSpans } from '../analytics/state-spans.js'
import type { TieringContext } from '../evaluation/types.js'
import { LADDER, TIERS } from '../../shared/vocabulary.js'

export const overTimeQuery = z.object({ from: instant, to: instant, interval: z.enum(['day', 'week', 'month']).default('month'), of: dimension })
export const overTimeSchema = z.object({
  of: z.enum(['tier', 'ladder']),
  interval: z.enum(['day', 'week', 'month']),
  keys: z.array(z.string()),
  points: z.array(z.object({ period: z.string(), at: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
})

/** @example ctx.route(overTimeRoute(ctx)) */
export const overTimeRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/analytics/over-time', access: policies.staffRead('customers:read'), summary: 'Customers per tier or ladder step at the end of each period',
    request: { query: overTimeQuery },
    responses: { 200: jsonResponse(overTimeSchema, 'The series'), 422: jsonResponse(errorBody, 'A period ending before it starts, or too many points'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const points = periodPoints(new Date(q.from), new Date(q.to), q.interval)
    const keys: readonly string[] = q.of === 'tier' ? TIERS : LADDER
    const instants = points.map(() => '(CAST(? AS TEXT))').join(', ')
    const rows = await ctx.db.all<{ at: string; value: string; n: number }>(
      `WITH ${stateSpans(q.of)}, instants(at) AS (VALUES ${instants})
       SELECT instants.at AS at, spans.value AS value, COUNT(*) AS n FROM instants JOIN spans ON ${HOLDS_AT.replaceAll('?', 'instants.at')}
       GROUP BY instants.at, spans.value`,
      points.map((p) => p.at),
    )
    return c.json({
      of: q.of, interval: q.interval, keys: [...keys],
      points: points.map((p) => {
        const counts = Object.fromEntries(keys.map((k) => [k, Number(rows.find((r) => r.at === p.at && r.value === k)?.n ?? 0)]))
        return { ...p, total: Object.values(counts).reduce((a, b) => a + b, 0), counts }
      }),
    }, 200)
  },
)
