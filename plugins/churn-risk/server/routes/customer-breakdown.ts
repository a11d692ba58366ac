/**
 * @module
 * `GET /api/p/churn-risk/customers/{customerId}`: one customer's score part by part, with what
 * each part read, computed now from the profile (the stored score may be up to a day old).
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z, type PluginContext } from '@rapport/plugin-sdk'
import { breakdown } from '../../shared/schemas.js'
import type { ChurnConfig } from '../config.js'
import { churnErrors } from '../errors.js'
import { churnScore } from '../model/churn-score.js'
import { inputsOf } from '../scoring/inputs-of.js'

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

/** @example ctx.route(customerBreakdownRoute(ctx)) */
export const customerBreakdownRoute = (ctx: PluginContext<ChurnConfig>) => defineRoute(
  {
    method: 'get', path: '/customers/{customerId}', access: policies.staffRead('customers:read'), summary: "One customer's churn-risk score, part by part",
    request: { params: z.object({ customerId: z.string().min(1).max(100) }) },
    responses: { 200: jsonResponse(breakdown, 'The breakdown'), 404: jsonResponse(errorBody, 'Not scored yet'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const stored = await ctx.db.get<{ currency: string | null }>('SELECT currency FROM churn_risk_scores WHERE customer_id = ?', [customerId])
    if (!stored) throw churnErrors.CUSTOMER_NOT_SCORED({ customerId })
    const profile = await ctx.readProfile(customerId)
    const inputs = inputsOf(profile)
    const now = ctx.now()
    const r = churnScore(inputs, now, ctx.config, ctx.timeZone)
    const w = ctx.config.weights
    return c.json({
      customerId, score: r.score, band: r.band, scoredAt: now.toISOString(), revenueAtStakeMinor: r.revenueAtStakeMinor, currency: stored.currency,
      parts: {
        rhythm: { points: r.parts.rhythm, max: w.rhythm, orders: inputs.orders, daysSinceLastOrder: r.rhythm?.daysSinceLastOrder ?? null, typicalGapDays: r.rhythm ? round(r.rhythm.typicalGapDays, 1) : null, pActive: r.rhythm ? round(r.rhythm.pActive, 4) : null },
        satisfaction: { points: r.parts.satisfaction, max: w.satisfaction, now: inputs.satisfaction ?? null, peak: inputs.satisfactionPeak ?? null, drop: r.satisfactionDrop },
        complaints: { points: r.parts.complaints, max: w.complaints, open: inputs.openComplaints ?? 0 },
        tierDowngrade: { points: r.parts.tierDowngrade, max: w.tierDowngrade, lastDowngradeAt: inputs.lastDowngradeAt ?? null, windowDays: ctx.config.downgradeWindowDays },
      },
    }, 200)
  },
)
