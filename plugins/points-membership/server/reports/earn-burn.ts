/**
 * @module
 * Points earned and burned over time, per day or month (UTC), in one grouped query: earned
 * (orders, bonuses, positive adjustments), spent (less what voided vouchers gave back), expired,
 * revoked, and negative adjustments.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** One period. */
export type EarnBurnRow = { period: string; earned: number; spent: number; expired: number; revoked: number; adjustedDown: number }

// Times are ISO-8601 text on both dialects, so a prefix is the UTC day (10) or month (7); the
// width is part of the SQL (a parameter would be text to PostgreSQL), one statement per bucket.
const series = (width: 7 | 10) => `SELECT substr(occurred_at, 1, ${width}) AS period,
  SUM(CASE WHEN delta > 0 AND kind <> 'restore' THEN delta ELSE 0 END) AS earned,
  SUM(CASE WHEN kind = 'spend' OR kind = 'restore' THEN -delta ELSE 0 END) AS spent,
  SUM(CASE WHEN kind = 'expire' THEN -delta ELSE 0 END) AS expired,
  SUM(CASE WHEN kind = 'revoke' THEN points ELSE 0 END) AS revoked,
  SUM(CASE WHEN kind = 'adjust' AND delta < 0 THEN -delta ELSE 0 END) AS adjusted_down
FROM points_ledger WHERE occurred_at >= ? AND occurred_at < ?
GROUP BY substr(occurred_at, 1, ${width}) ORDER BY period`
const SERIES = { day: series(10), month: series(7) }

type Row = { period: string; earned: number; spent: number; expired: number; revoked: number; adjusted_down: number }

/** @example await earnBurn(ctx.db, { from: '2026-01-01', to: '2026-07-01', bucket: 'month' }) */
export async function earnBurn(q: Queryable, o: { from: string; to: string; bucket: 'day' | 'month' }): Promise<EarnBurnRow[]> {
  return (await q.all<Row>(SERIES[o.bucket], [o.from, o.to])).map((r) => ({
    period: r.period, earned: Number(r.earned), spent: Number(r.spent), expired: Number(r.expired), revoked: Number(r.revoked), adjustedDown: Number(r.adjusted_down),
  }))
}
