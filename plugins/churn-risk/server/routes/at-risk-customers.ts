/**
 * @module
 * `GET /api/p/churn-risk/customers`: customers by risk band with their score's parts and the
 * revenue at stake, sorted in SQL.
 */
import { commonErrors, defineRoute, jsonResponse, policies, type PluginContext } from '@rapport/plugin-sdk'
import { atRiskPage, atRiskQuery, PART_KEYS, type AtRiskCustomer } from '../../shared/schemas.js'
import type { ChurnConfig } from '../config.js'

const BAND_SQL = { atRisk: "band IN ('medium', 'high')", low: "band = 'low'", medium: "band = 'medium'", high: "band = 'high'", all: '1 = 1' } as const
const SORT_SQL = {
  score: 'score ASC', '-score': 'score DESC', revenueAtStake: 'revenue_at_stake_minor ASC', '-revenueAtStake': 'revenue_at_stake_minor DESC',
  lastOrderAt: 'last_order_at ASC', '-lastOrderAt': 'last_order_at DESC',
} as const

type Row = {
  customer_id: string; score: number; band: AtRiskCustomer['band']; rhythm_points: number; satisfaction_points: number; complaint_points: number; tier_downgrade_points: number
  p_active: number | null; typical_gap_days: number | null; last_order_at: string | null; revenue_at_stake_minor: number; currency: string | null; scored_at: string
}

/** @example ctx.route(atRiskCustomersRoute(ctx)) */
export const atRiskCustomersRoute = (ctx: PluginContext<ChurnConfig>) => defineRoute(
  {
    method: 'get', path: '/customers', access: policies.staffRead('customers:read'), summary: 'Customers by churn-risk band with their reasons and revenue at stake',
    request: { query: atRiskQuery },
    responses: { 200: jsonResponse(atRiskPage, 'A page of customers'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const where = BAND_SQL[q.band]
    // The customer id breaks ties, so pages never overlap.
    const rows = await ctx.db.all<Row>(`SELECT * FROM churn_risk_scores WHERE ${where} ORDER BY ${SORT_SQL[q.sort]}, customer_id LIMIT ? OFFSET ?`, [q.limit, q.offset])
    const total = Number((await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM churn_risk_scores WHERE ${where}`))?.n ?? 0)
    return c.json({ items: rows.map(toItem), total }, 200)
  },
)

function toItem(r: Row): AtRiskCustomer {
  const parts = { rhythm: Number(r.rhythm_points), satisfaction: Number(r.satisfaction_points), complaints: Number(r.complaint_points), tierDowngrade: Number(r.tier_downgrade_points) }
  return {
    customerId: r.customer_id, score: Number(r.score), band: r.band, parts,
    reasons: PART_KEYS.filter((k) => parts[k] > 0).sort((a, b) => parts[b] - parts[a]),
    pActive: r.p_active === null ? null : Number(r.p_active), typicalGapDays: r.typical_gap_days === null ? null : Number(r.typical_gap_days),
    lastOrderAt: r.last_order_at, revenueAtStakeMinor: Number(r.revenue_at_stake_minor), currency: r.currency, scoredAt: r.scored_at,
  }
}
