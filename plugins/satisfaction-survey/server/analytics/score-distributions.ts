/**
 * @module
 * NPS, CSAT and CES distributions over every value of their scales, with averages, in SQL.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'
import { responseWhere } from './response-filter.js'

/** Responses with a score, its average (2 decimals) and the count of each value of the scale. */
export type ScoreSummary = { responses: number; average: number | null; distribution: Array<{ score: number; count: number }> }

const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const

/** @example await scoreDistributions(ctx.db, scope) // { nps: {…}, csat: { responses: 12, average: 4.25, distribution: [{ score: 1, count: 0 }, …] }, ces: {…} } */
export async function scoreDistributions(q: Queryable, scope: AnalyticsScope): Promise<Record<keyof typeof SCALES, ScoreSummary>> {
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const summaries = await Promise.all((Object.keys(SCALES) as Array<keyof typeof SCALES>).map(async (kind) => {
    // The column name is one of three constants, never input.
    const rows = await q.all<{ score: number; n: number }>(
      `SELECT r.${kind} AS score, COUNT(*) AS n FROM satisfaction_responses r WHERE ${where.sql} AND r.${kind} IS NOT NULL GROUP BY r.${kind}`, where.params)
    const counts = new Map(rows.map((r) => [Number(r.score), Number(r.n)]))
    const [min, max] = SCALES[kind]
    const distribution = Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i, count: counts.get(min + i) ?? 0 }))
    const responses = rows.reduce((n, r) => n + Number(r.n), 0)
    const sum = rows.reduce((s, r) => s + Number(r.score) * Number(r.n), 0)
    return [kind, { responses, average: responses ? Math.round((sum / responses) * 100) / 100 : null, distribution }] as const
  }))
  return Object.fromEntries(summaries) as Record<keyof typeof SCALES, ScoreSummary>
}
