/**
 * @module
 * NPS per segment: channel, how the customer was asked (invitation source), survey, version, or
 * a profile field, either as it was when the customer answered (the response's snapshot) or as
 * it is now (the host's current profile values).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'
import { jsonSql } from './json-sql.js'
import { NPS_COUNTS_SQL, type NpsCounts, type NpsSummary, npsSummary } from './nps-summary.js'
import { responseWhere } from './response-filter.js'

/** What segments are made of. */
export type SegmentBy = 'channel' | 'source' | 'survey' | 'version' | 'field'

/** One segment's NPS; segments come most responses first, then by key, unset values last. */
export type NpsSegment = { key: string | null; label: string | null } & NpsSummary

/** How to segment. */
export type SegmentOptions = { by: SegmentBy; field?: string | undefined; fieldSource?: 'snapshot' | 'current' | undefined }

type Row = NpsCounts & { k1: string | number | null; k2: string | number | null; label: string | null }

/** The grouping columns (`k1`, `k2`) of a segmentation, its join, and the join's or select list's parameters. */
export type Grouping = { select: string; join: string; params: string[] }

/** @example const g = segmentGrouping(db, { by: 'channel' }) // { select: 'r.channel AS k1, NULL AS k2', join: '', params: [] } */
export function segmentGrouping(q: Queryable, o: SegmentOptions): Grouping {
  switch (o.by) {
    case 'channel': return { select: 'r.channel AS k1, NULL AS k2', join: '', params: [] }
    case 'source': return { select: "COALESCE(i.source, r.channel) AS k1, NULL AS k2", join: 'LEFT JOIN satisfaction_invitations i ON i.id = r.invitation_id', params: [] }
    case 'survey': return { select: 'r.survey_id AS k1, NULL AS k2', join: '', params: [] }
    case 'version': return { select: 'r.survey_id AS k1, r.version AS k2', join: '', params: [] }
    case 'field': {
      const field = o.field ?? ''
      if (o.fieldSource === 'current') {
        // num_value and text_value apart: each dialect prints a REAL its own way, JS prints it once.
        return { select: 'pv.text_value AS k1, pv.num_value AS k2', join: 'LEFT JOIN core_profile_values pv ON pv.customer_id = r.customer_id AND pv.field = ?', params: [field] }
      }
      const js = jsonSql(q)
      return { select: `${js.snapshotField} AS k1, NULL AS k2`, join: '', params: js.snapshotParams(field) }
    }
  }
}

/** The segment key of a row's `k1`, `k2`. @example segmentKey('version', { k1: 'srv_1', k2: 2 }) // 'srv_1@2' */
export const segmentKey = (by: SegmentBy, r: { k1: string | number | null; k2: string | number | null }): string | null => {
  if (by === 'version') return `${r.k1}@${Number(r.k2)}`
  if (r.k1 !== null && r.k1 !== undefined) return String(r.k1)
  return r.k2 === null || r.k2 === undefined ? null : String(Number(r.k2))
}

/** @example await npsSegments(ctx.db, scope, { by: 'field', field: 'tiering.tier' }) */
export async function npsSegments(q: Queryable, scope: AnalyticsScope, o: SegmentOptions): Promise<NpsSegment[]> {
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const g = segmentGrouping(q, o)
  // Select-list parameters come before the join's, which come before the WHERE's.
  const selectParams = o.by === 'field' && o.fieldSource !== 'current' ? g.params : []
  const joinParams = o.by === 'field' && o.fieldSource === 'current' ? g.params : []
  const rows = await q.all<Row>(
    `SELECT ${g.select}, ${NPS_COUNTS_SQL} FROM satisfaction_responses r ${g.join} WHERE ${where.sql} AND r.nps IS NOT NULL GROUP BY k1, k2`,
    [...selectParams, ...joinParams, ...where.params],
  )
  const names = o.by === 'survey' || o.by === 'version'
    ? new Map((await q.all<{ id: string; name: string }>('SELECT id, name FROM satisfaction_surveys')).map((s) => [s.id, s.name]))
    : new Map<string, string>()
  const labelOf = (r: Row): string | null => {
    const name = names.get(String(r.k1))
    if (o.by === 'survey') return name ?? null
    if (o.by === 'version') return name === undefined ? null : `${name} v${Number(r.k2)}`
    return null
  }
  return rows
    .map((r) => ({ key: segmentKey(o.by, r), label: labelOf(r), ...npsSummary(r) }))
    .sort((a, b) => b.responses - a.responses || Number(a.key === null) - Number(b.key === null) || String(a.key).localeCompare(String(b.key)))
}
