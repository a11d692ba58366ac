/**
 * @module
 * `GET /api/p/tiering/distribution`: how many customers are in each tier, segment and recency
 * status (GROUP BY in SQL), with the configured tier names.
 */
import { commonErrors, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { RECENCY_STATUSES, SEGMENTS, TIERS } from '../../shared/vocabulary.js'
import type { TieringContext } from '../evaluation/types.js'

const count = z.object({ key: z.string(), count: z.number().int() })
export const distributionSchema = z.object({
  total: z.number().int(),
  tiers: z.array(count.extend({ label: z.object({ en: z.string(), 'zh-CN': z.string() }) })),
  segments: z.array(count),
  recencyStatuses: z.array(count),
})

const counts = async (ctx: TieringContext, column: 'tier' | 'segment' | 'recency_status', keys: readonly string[]) => {
  const rows = await ctx.db.all<{ key: string | null; n: number }>(`SELECT ${column} AS key, COUNT(*) AS n FROM tiering_customers WHERE ${column} IS NOT NULL GROUP BY ${column}`)
  return keys.map((key) => ({ key, count: Number(rows.find((r) => r.key === key)?.n ?? 0) }))
}

/** @example ctx.route(distributionRoute(ctx)) */
export const distributionRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/distribution', access: policies.staffRead('customers:read'), summary: 'Customers per tier, segment and recency status',
    responses: { 200: jsonResponse(distributionSchema, 'The distribution'), ...commonErrors },
  },
  async (c) => {
    const total = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tiering_customers WHERE last_order_day IS NOT NULL')
    const tiers = (await counts(ctx, 'tier', TIERS)).map((t) => ({ ...t, label: ctx.config.tiers.names[t.key as (typeof TIERS)[number]] }))
    return c.json({ total: Number(total?.n ?? 0), tiers, segments: await counts(ctx, 'segment', SEGMENTS), recencyStatuses: await counts(ctx, 'recency_status', RECENCY_STATUSES) }, 200)
  },
)
