/**
 * @module
 * Reads one customer's `tiering_customers` row.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { LadderStep, RecencyStatus, Segment, Tier } from '../../shared/vocabulary.js'
import { rememberedRow } from './row-memo.js'

/** A `tiering_customers` row as read (snake_case, as in the table). */
export type CustomerRow = {
  customer_id: string
  orders: number
  spend_minor: number
  first_order_at: string | null
  last_order_at: string | null
  last_order_day: number | null
  avg_gap_days: number | null
  window_orders: number
  window_spend_minor: number
  recency: number | null
  frequency: number | null
  monetary: number | null
  segment: Segment | null
  recency_status: RecencyStatus | null
  tier: Tier | null
  tier_since: string | null
  ladder: LadderStep | null
  next_recency: number | null
  next_frequency: number | null
  next_monetary: number | null
  next_segment: Segment | null
  next_recency_status: RecencyStatus | null
  next_tier: Tier | null
  evaluated_at: string | null
  below_since: string | null
  points_balance: number | null
  points_lifetime: number | null
  ladder_since: string | null
  /** The window start `window_orders` and `window_spend_minor` were counted for. */
  window_since: string | null
}

/** Read once per transaction (row-memo.ts). @example const row = await customerRow(tx, customerId) */
export const customerRow = (q: Queryable, customerId: string) => rememberedRow(q, customerId)
