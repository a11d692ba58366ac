/**
 * @module
 * `GET /api/p/tiering/analytics/migration`: where the customers in each tier (or ladder step) at
 * `from` were at `to`, as a full matrix and as sankey links; `none` is "not yet tiered". One SQL
 * statement over the change history.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { dimension, instant } from '../analytics/query-schemas.js'
import { HOLDS_AT, stateSpans } from '../analytics/state-spans.js'
import { tieringErrors } from '../errors.js'
import type { TieringContext } from '../evaluation/types.js'
import { LADDER, TIERS } from '../../shared/vocabulary.js'

export const migrationQuery = z.object({ from: instant, to: instant, of: dimension })
const cell = z.object({ from: z.string(), to: z.string(), count: z.number().int() })
export const migrationSchema = z.object({
  of: z.enum(['tier', 'ladder']), from: z.string(), to: z.string(),
  keys: z.array(z.string()),
  matrix: z.array(cell),
  sankey: z.object({ nodes: z.array(z.object({ id: z.string(), key: z.string(), side: z.enum(['from', 'to']) })), links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number().int() })) }),
  moved: z.number().int(), stayed: z.number().int(),
})

/** @example ctx.route(migrationRoute(ctx)) */
export const migrationRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/analytics/migration', access: policies.staffRead('customers:read'), summary: 'Tier or ladder migration between two dates (matrix and sankey)',
    request: { query: migrationQuery },
    responses: { 200: jsonResponse(migrationSchema, 'The migration'), 422: jsonResponse(errorBody, 'from is after to'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const from = new Date(q.from).toISOString()
    const to = new Date(q.to).toISOString()
    if (from > to) throw tieringErrors.RANGE_INVALID({ from, to })
    const rows = await ctx.db.all<{ f: string | null; t: string | null; n: number }>(
      `WITH ${stateSpans(q.of)}
       SELECT f, t, COUNT(*) AS n FROM (
         SELECT customer_id, MAX(CASE WHEN ${HOLDS_AT} THEN value END) AS f, MAX(CASE WHEN ${HOLDS_AT} THEN value END) AS t
         FROM spans WHERE since <= ? GROUP BY customer_id) AS states
       WHERE t IS NOT NULL GROUP BY f, t`,
      [from, from, to, to, to],
    )
    const keys = ['none', ...(q.of === 'tier' ? TIERS : LADDER)]
    const count = (f: string, t: string) => Number(rows.find((r) => (r.f ?? 'none') === f && r.t === t)?.n ?? 0)
    const matrix = keys.flatMap((f) => keys.filter((t) => t !== 'none').map((t) => ({ from: f, to: t, count: count(f, t) })))
    const links = matrix.filter((m) => m.count > 0).map((m) => ({ source: `from:${m.from}`, target: `to:${m.to}`, value: m.count }))
    const nodes = [...new Set(links.flatMap((l) => [l.source, l.target]))].map((id) => ({ id, key: id.split(':')[1]!, side: id.split(':')[0] as 'from' | 'to' }))
    const stayed = matrix.filter((m) => m.from === m.to).reduce((a, m) => a + m.count, 0)
    return c.json({ of: q.of, from, to, keys, matrix, sankey: { nodes, links }, moved: matrix.reduce((a, m) => a + m.count, 0) - stayed, stayed }, 200)
  },
)
