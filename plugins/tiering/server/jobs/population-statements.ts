/**
 * @module
 * The set-based statements of the full re-evaluation. Each computes, for every customer at once,
 * what the pure functions in `scoring/` compute for one (mid-rank quintiles, percentile tiers,
 * segments, recency status); `test/reevaluate.test.ts` checks that both agree. Window functions
 * and UPDATE … FROM work on SQLite (≥ 3.33) and PostgreSQL alike; integer division floors.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { TieringConfig } from '../config.js'

/** Orders and net spend in the window, for everyone. */
export const refreshAllWindowTotals = (tx: Queryable, since: string) => tx.run(`UPDATE tiering_customers SET
  window_orders = (SELECT COUNT(*) FROM tiering_orders o WHERE o.customer_id = tiering_customers.customer_id AND o.occurred_at >= ? AND o.amount_minor > o.refunded_minor),
  window_spend_minor = (SELECT COALESCE(SUM(o.amount_minor - o.refunded_minor), 0) FROM tiering_orders o WHERE o.customer_id = tiering_customers.customer_id AND o.occurred_at >= ? AND o.amount_minor > o.refunded_minor)`, [since, since])

/** `1 + floor(5 · (2·below + equal) / 2n)` over one column: see `quintileScore`. */
const quintile = (column: string) =>
  `1 + (5 * (2 * (RANK() OVER (ORDER BY ${column}) - 1) + COUNT(*) OVER (PARTITION BY ${column}))) / (2 * COUNT(*) OVER ())`

/** R, F and M scores 1–5 for everyone who ordered. */
export const scoreAll = (tx: Queryable) => tx.run(`UPDATE tiering_customers SET next_recency = s.r, next_frequency = s.f, next_monetary = s.m
  FROM (SELECT customer_id, ${quintile('last_order_day')} AS r, ${quintile('window_orders')} AS f, ${quintile('window_spend_minor')} AS m
        FROM tiering_customers WHERE last_order_day IS NOT NULL) AS s
  WHERE tiering_customers.customer_id = s.customer_id`)

/** The tier each customer earns: by mid-rank percentile among spenders (see `tierByPercentile`), or by spend or points ranges (`thresholdTier`). */
export async function tierAll(tx: Queryable, tiers: TieringConfig['tiers']): Promise<void> {
  if (tiers.mode === 'thresholds') {
    const column = { spend: 'window_spend_minor', pointsBalance: 'COALESCE(points_balance, 0)', pointsLifetime: 'COALESCE(points_lifetime, 0)' }[tiers.basis]
    const t = tiers.basis === 'spend' ? tiers.thresholds : tiers.pointsThresholds
    const min = (tier: 'diamond' | 'silver' | 'bronze') => ('minMinor' in t[tier] ? (t[tier] as { minMinor: number }).minMinor : (t[tier] as { min: number }).min)
    await tx.run(`UPDATE tiering_customers SET next_tier = CASE WHEN ${column} >= ? THEN 'diamond' WHEN ${column} >= ? THEN 'silver'
      WHEN ${column} >= ? THEN 'bronze' ELSE 'iron' END`, [min('diamond'), min('silver'), min('bronze')])
    return
  }
  const p = tiers.percentiles
  await tx.run(`UPDATE tiering_customers SET next_tier = 'iron'`)
  await tx.run(`UPDATE tiering_customers SET next_tier = s.tier
    FROM (SELECT customer_id, CASE WHEN pos < total * ? THEN 'diamond' WHEN pos < total * ? THEN 'silver' WHEN pos < total * ? THEN 'bronze' ELSE 'iron' END AS tier
          FROM (SELECT customer_id,
                  100 * (2 * (RANK() OVER (ORDER BY window_spend_minor DESC) - 1) + COUNT(*) OVER (PARTITION BY window_spend_minor)) AS pos,
                  2 * COUNT(*) OVER () AS total
                FROM tiering_customers WHERE window_spend_minor > 0) AS ranked) AS s
    WHERE tiering_customers.customer_id = s.customer_id`, [p.diamond, p.diamond + p.silver, p.diamond + p.silver + p.bronze])
}

/** Segment by the configured ranges (first match wins) and recency status; see `segmentOf` and `recencyStatus`. */
export function classifyAll(tx: Queryable, config: TieringConfig, today: number) {
  const params: Array<string | number> = []
  const whens = config.segments.map((s) => {
    params.push(s.r[0], s.r[1], s.f[0], s.f[1], s.m[0], s.m[1], s.segment)
    return 'WHEN next_recency BETWEEN ? AND ? AND next_frequency BETWEEN ? AND ? AND next_monetary BETWEEN ? AND ? THEN ?'
  })
  const r = config.recency
  const gap = 'CASE WHEN avg_gap_days < ? THEN ? ELSE avg_gap_days END'
  params.push(config.fallbackSegment, r.minOrders, today, r.atRiskFactor, r.minGapDays, r.minGapDays, today, r.hibernatingFactor, r.minGapDays, r.minGapDays,
    today, r.atRiskAfterDays, today, r.hibernatingAfterDays)
  return tx.run(`UPDATE tiering_customers SET
    next_segment = CASE ${whens.join(' ')} ELSE ? END,
    next_recency_status = CASE WHEN orders >= ? AND avg_gap_days IS NOT NULL THEN
        CASE WHEN ? - last_order_day <= ? * (${gap}) THEN 'active' WHEN ? - last_order_day <= ? * (${gap}) THEN 'atRisk' ELSE 'hibernating' END
      WHEN ? - last_order_day <= ? THEN 'active' WHEN ? - last_order_day <= ? THEN 'atRisk' ELSE 'hibernating' END
    WHERE last_order_day IS NOT NULL`, params)
}
