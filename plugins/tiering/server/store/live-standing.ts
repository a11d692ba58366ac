/**
 * @module
 * Before the first full re-evaluation there are no cut points: one customer's standing is then
 * counted directly against everyone's stored values (one indexed-free aggregate query).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { Standing } from '../scoring/quintile-score.js'
import type { Rank } from '../scoring/value-tier.js'

export type Values = { lastOrderDay: number; windowOrders: number; windowSpendMinor: number }
export type LiveStanding = { recency: Standing; frequency: Standing; monetary: Standing; spend: Rank }

const STANDING = `SELECT COUNT(*) AS n,
  SUM(CASE WHEN last_order_day < ? THEN 1 ELSE 0 END) AS r_below, SUM(CASE WHEN last_order_day = ? THEN 1 ELSE 0 END) AS r_equal,
  SUM(CASE WHEN window_orders < ? THEN 1 ELSE 0 END) AS f_below, SUM(CASE WHEN window_orders = ? THEN 1 ELSE 0 END) AS f_equal,
  SUM(CASE WHEN window_spend_minor < ? THEN 1 ELSE 0 END) AS m_below, SUM(CASE WHEN window_spend_minor = ? THEN 1 ELSE 0 END) AS m_equal,
  SUM(CASE WHEN window_spend_minor > 0 THEN 1 ELSE 0 END) AS spenders, SUM(CASE WHEN window_spend_minor > ? THEN 1 ELSE 0 END) AS s_above
  FROM tiering_customers WHERE last_order_day IS NOT NULL`

/** @example const standing = await liveStanding(tx, { lastOrderDay, windowOrders, windowSpendMinor }) */
export async function liveStanding(q: Queryable, v: Values): Promise<LiveStanding> {
  const r = await q.get<Record<string, number | null>>(STANDING, [
    v.lastOrderDay, v.lastOrderDay, v.windowOrders, v.windowOrders, v.windowSpendMinor, v.windowSpendMinor, v.windowSpendMinor,
  ])
  const n = (key: string) => Number(r?.[key] ?? 0)
  return {
    recency: { below: n('r_below'), equal: n('r_equal'), n: n('n') },
    frequency: { below: n('f_below'), equal: n('f_equal'), n: n('n') },
    monetary: { below: n('m_below'), equal: n('m_equal'), n: n('n') },
    spend: { above: n('s_above'), equal: n('m_equal'), n: n('spenders') },
  }
}
