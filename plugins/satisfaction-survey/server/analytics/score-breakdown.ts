/**
 * @module
 * NPS, CSAT and CES per group (a segmentation of `nps-segments`, or the whole scope) with their
 * 95% intervals: NPS from its −1 / 0 / +1 variance, CSAT and CES as top-2-box shares (CSAT 4–5 of
 * 1–5, CES 6–7 of 1–7, "easy") with Wilson's interval. Counted in one SQL statement.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'
import { segmentGrouping, segmentKey, type SegmentOptions } from './nps-segments.js'
import { npsSummary, type NpsSummary } from './nps-summary.js'
import { responseWhere } from './response-filter.js'
import { type BoxCounts, type NpsCounts, type ShareInterval, wilsonInterval } from './significance.js'

/** NPS with its 95% interval (−100…100). */
export type NpsEstimate = NpsSummary & { low: number | null; high: number | null }

/** A top-2-box share with its Wilson interval, the count in the box and the average score. */
export type BoxEstimate = ShareInterval & { responses: number; topBox: number; average: number | null }

/** One group's estimates, with the counts the tests need. */
export type GroupEstimates = {
  key: string | null; label: string | null
  nps: NpsEstimate; csat: BoxEstimate; ces: BoxEstimate
  counts: { nps: NpsCounts; csat: BoxCounts; ces: BoxCounts }
}

/** How to group: a segmentation, or `all` for one group of the whole scope. */
export type BreakdownBy = SegmentOptions | { by: 'all' }

type Row = {
  k1: string | number | null; k2: string | number | null
  n: number | string; promoters: number | string; detractors: number | string
  csat_n: number | string; csat_top: number | string; csat_sum: number | string | null
  ces_n: number | string; ces_top: number | string; ces_sum: number | string | null
}

const COUNTS_SQL = [
  'COUNT(r.nps) AS n', 'COUNT(CASE WHEN r.nps >= 9 THEN 1 END) AS promoters', 'COUNT(CASE WHEN r.nps <= 6 THEN 1 END) AS detractors',
  'COUNT(r.csat) AS csat_n', 'COUNT(CASE WHEN r.csat >= 4 THEN 1 END) AS csat_top', 'SUM(r.csat) AS csat_sum',
  'COUNT(r.ces) AS ces_n', 'COUNT(CASE WHEN r.ces >= 6 THEN 1 END) AS ces_top', 'SUM(r.ces) AS ces_sum',
].join(', ')

/** @example await scoreBreakdown(ctx.db, scope, { by: 'field', field: 'tiering.tier' }) */
export async function scoreBreakdown(q: Queryable, scope: AnalyticsScope, o: BreakdownBy): Promise<GroupEstimates[]> {
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const g = o.by === 'all' ? { select: 'NULL AS k1, NULL AS k2', join: '', params: [] } : segmentGrouping(q, o)
  // Select-list parameters come before the join's, which come before the WHERE's.
  const current = o.by === 'field' && o.fieldSource === 'current'
  const rows = await q.all<Row>(
    `SELECT ${g.select}, ${COUNTS_SQL} FROM satisfaction_responses r ${g.join}
     WHERE ${where.sql} AND (r.nps IS NOT NULL OR r.csat IS NOT NULL OR r.ces IS NOT NULL) GROUP BY k1, k2`,
    [...(current ? [] : g.params), ...(current ? g.params : []), ...where.params],
  )
  const names = o.by === 'survey' || o.by === 'version'
    ? new Map((await q.all<{ id: string; name: string }>('SELECT id, name FROM satisfaction_surveys')).map((s) => [s.id, s.name]))
    : new Map<string, string>()
  const groups = rows.map((r) => {
    const name = names.get(String(r.k1))
    const label = name === undefined ? null : o.by === 'version' ? `${name} v${Number(r.k2)}` : name
    return { ...estimates(r), key: o.by === 'all' ? null : segmentKey(o.by, r), label }
  })
  if (o.by === 'all' && groups.length === 0) groups.push(noAnswers(null))
  const size = (e: GroupEstimates) => Math.max(e.nps.responses, e.csat.responses, e.ces.responses)
  return groups.sort((a, b) => size(b) - size(a) || Number(a.key === null) - Number(b.key === null) || String(a.key).localeCompare(String(b.key)))
}

/** A group without answers. @example noAnswers('gold').nps.nps // null */
export const noAnswers = (key: string | null): GroupEstimates => ({ ...estimates(undefined), key, label: null })

function estimates(r: Row | undefined): Omit<GroupEstimates, 'key' | 'label'> {
  const num = (v: number | string | null | undefined) => Number(v ?? 0)
  const nps: NpsCounts = { n: num(r?.n), promoters: num(r?.promoters), detractors: num(r?.detractors) }
  const csat: BoxCounts = { n: num(r?.csat_n), top: num(r?.csat_top) }
  const ces: BoxCounts = { n: num(r?.ces_n), top: num(r?.ces_top) }
  const summary = npsSummary(nps)
  const bound = (sign: 1 | -1) => summary.nps === null || summary.marginOfError === null ? null
    : Math.max(-100, Math.min(100, Math.round((summary.nps + sign * summary.marginOfError) * 10) / 10))
  const box = (c: BoxCounts, sum: number): BoxEstimate => ({
    ...wilsonInterval(c), responses: c.n, topBox: c.top, average: c.n ? Math.round((sum / c.n) * 100) / 100 : null,
  })
  return {
    nps: { ...summary, low: bound(-1), high: bound(1) },
    csat: box(csat, num(r?.csat_sum)), ces: box(ces, num(r?.ces_sum)),
    counts: { nps, csat, ces },
  }
}
