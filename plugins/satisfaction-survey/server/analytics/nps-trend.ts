/**
 * @module
 * NPS over a range and per day, week or month bucket of it, in SQL.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'
import { NPS_COUNTS_SQL, type NpsCounts, type NpsSummary, npsSummary } from './nps-summary.js'
import { type Condition, responseWhere } from './response-filter.js'
import { type Bucket, bucketsCte, timeBuckets } from './time-buckets.js'

/** NPS of the whole range and of each bucket (every bucket listed, empty ones with `nps: null`). */
export type NpsTrend = { overall: NpsSummary; trend: Array<{ period: string } & NpsSummary> }

/**
 * @param extra a further condition on `r` (the dashboard's segment)
 * @example await npsTrend(ctx.db, scope, 'month')
 */
export async function npsTrend(q: Queryable, scope: AnalyticsScope, bucket: Bucket, extra: Condition = { sql: '1 = 1', params: [] }): Promise<NpsTrend> {
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const params = [...where.params, ...extra.params]
  const overall = await q.get<NpsCounts>(`SELECT ${NPS_COUNTS_SQL} FROM satisfaction_responses r WHERE ${where.sql} AND ${extra.sql} AND r.nps IS NOT NULL`, params)
  const buckets = timeBuckets(scope, bucket)
  const cte = bucketsCte(q, buckets)
  const rows = await q.all<NpsCounts & { period: string }>(
    `${cte.sql} SELECT b.period AS period, ${NPS_COUNTS_SQL} FROM buckets b JOIN satisfaction_responses r ON r.completed_at >= b.start_at AND r.completed_at < b.end_at
     WHERE ${where.sql} AND ${extra.sql} AND r.nps IS NOT NULL GROUP BY b.period`,
    [...cte.params, ...params],
  )
  const byPeriod = new Map(rows.map((r) => [r.period, r]))
  return { overall: npsSummary(overall), trend: buckets.map((b) => ({ period: b.period, ...npsSummary(byPeriod.get(b.period)) })) }
}
