/**
 * @module
 * `GET /api/p/tiering/customers/{customerId}`: one customer's aggregates, RFM scores, segment,
 * recency status, tier and tier history (newest first).
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { tieringErrors } from '../errors.js'
import type { TieringContext } from '../evaluation/types.js'
import { customerRow } from '../store/customer-row.js'

const nullableInt = z.number().int().nullable()
export const customerTieringSchema = z.object({
  customerId: z.string(),
  orders: z.number().int(),
  spendMinor: z.number().int(),
  windowOrders: z.number().int(),
  windowSpendMinor: z.number().int(),
  firstOrderAt: z.string().nullable(),
  lastOrderAt: z.string().nullable(),
  avgGapDays: z.number().nullable(),
  recency: nullableInt, frequency: nullableInt, monetary: nullableInt,
  rfmCode: z.string().nullable(),
  segment: z.string().nullable(),
  recencyStatus: z.string().nullable(),
  tier: z.string().nullable(),
  tierSince: z.string().nullable(),
  ladder: z.string().nullable(),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string(), trigger: z.string(), spendMinor: z.number().int(), at: z.string() })),
})

type HistoryRow = { from_tier: string | null; to_tier: string; reason: string; trigger: string; spend_minor: number; at: string }

/** @example ctx.route(customerTieringRoute(ctx)) */
export const customerTieringRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'get', path: '/customers/{customerId}', access: policies.staffRead('customers:read'), summary: "A customer's RFM, tier and tier history",
    request: { params: z.object({ customerId: z.string().min(1) }) },
    responses: { 200: jsonResponse(customerTieringSchema, 'The customer'), 404: jsonResponse(errorBody, 'No order seen for this customer'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const row = await customerRow(ctx.db, customerId)
    if (!row) throw tieringErrors.CUSTOMER_NOT_FOUND({ customerId })
    const history = await ctx.db.all<HistoryRow>('SELECT from_tier, to_tier, reason, trigger, spend_minor, at FROM tiering_history WHERE customer_id = ? ORDER BY id DESC', [customerId])
    const scored = row.recency !== null && row.frequency !== null && row.monetary !== null
    return c.json({
      customerId, orders: row.orders, spendMinor: Number(row.spend_minor), windowOrders: row.window_orders, windowSpendMinor: Number(row.window_spend_minor),
      firstOrderAt: row.first_order_at, lastOrderAt: row.last_order_at, avgGapDays: row.avg_gap_days === null ? null : Number(row.avg_gap_days),
      recency: row.recency, frequency: row.frequency, monetary: row.monetary,
      rfmCode: scored ? `${row.recency}${row.frequency}${row.monetary}` : null,
      segment: row.segment, recencyStatus: row.recency_status, tier: row.tier, tierSince: row.tier_since, ladder: row.ladder,
      history: history.map((h) => ({ from: h.from_tier, to: h.to_tier, reason: h.reason, trigger: h.trigger, spendMinor: Number(h.spend_minor), at: h.at })),
    }, 200)
  },
)
