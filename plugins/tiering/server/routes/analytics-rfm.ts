/**
 * @module
 * `GET /api/p/tiering/analytics/rfm-grid`: the R × F heatmap (customers, average M, net window
 * spend per cell), and `GET /api/p/tiering/analytics/segments`: each RFM segment's size and
 * revenue share. Both are one GROUP BY over the applied scores.
 */
import { commonErrors, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { labels } from '../analytics/query-schemas.js'
import type { TieringContext } from '../evaluation/types.js'
import { profile } from '../profile.js'
import { SEGMENTS } from '../../shared/vocabulary.js'

export const rfmGridSchema = z.object({
  total: z.number().int(),
  cells: z.array(z.object({ r: z.number().int(), f: z.number().int(), count: z.number().int(), avgMonetary: z.number().nullable(), spendMinor: z.number().int() })),
})

/** @example ctx.route(rfmGridRoute(ctx)) */
export const rfmGridRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/analytics/rfm-grid', access: policies.staffRead('customers:read'), summary: 'The R × F heatmap with average M and spend',
    responses: { 200: jsonResponse(rfmGridSchema, 'The 25 cells, R and F from 1 to 5'), ...commonErrors },
  },
  async (c) => {
    const rows = await ctx.db.all<{ r: number; f: number; n: number; m: number | null; spend: number | null }>(
      `SELECT recency AS r, frequency AS f, COUNT(*) AS n, AVG(monetary) AS m, SUM(window_spend_minor) AS spend
       FROM tiering_customers WHERE recency IS NOT NULL GROUP BY recency, frequency`)
    const cells = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => {
      const row = rows.find((x) => Number(x.r) === r && Number(x.f) === f)
      return { r, f, count: Number(row?.n ?? 0), avgMonetary: row?.m == null ? null : Math.round(Number(row.m) * 100) / 100, spendMinor: Number(row?.spend ?? 0) }
    }))
    return c.json({ total: cells.reduce((a, x) => a + x.count, 0), cells }, 200)
  },
)

export const segmentsSchema = z.object({
  total: z.number().int(),
  spendMinor: z.number().int(),
  segments: z.array(z.object({
    key: z.enum(SEGMENTS), label: labels, count: z.number().int(), share: z.number(), spendMinor: z.number().int(), revenueShare: z.number(), avgSpendMinor: z.number().int(),
  })),
})

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000)
const segmentLabels = profile.segment.valueLabels as Record<string, { en: string; 'zh-CN': string }>

/** @example ctx.route(segmentsRoute(ctx)) */
export const segmentsRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/analytics/segments', access: policies.staffRead('customers:read'), summary: 'RFM segment sizes and revenue share',
    responses: { 200: jsonResponse(segmentsSchema, 'Every segment, in the default order'), ...commonErrors },
  },
  async (c) => {
    const rows = await ctx.db.all<{ segment: string; n: number; spend: number | null }>(
      'SELECT segment, COUNT(*) AS n, SUM(window_spend_minor) AS spend FROM tiering_customers WHERE segment IS NOT NULL GROUP BY segment')
    const total = rows.reduce((a, r) => a + Number(r.n), 0)
    const spendMinor = rows.reduce((a, r) => a + Number(r.spend ?? 0), 0)
    const segments = SEGMENTS.map((key) => {
      const row = rows.find((r) => r.segment === key)
      const count = Number(row?.n ?? 0)
      const spend = Number(row?.spend ?? 0)
      return { key, label: segmentLabels[key]!, count, share: share(count, total), spendMinor: spend, revenueShare: share(spend, spendMinor), avgSpendMinor: count === 0 ? 0 : Math.round(spend / count) }
    })
    return c.json({ total, spendMinor, segments }, 200)
  },
)
