/**
 * @module
 * Reads the responses of an export in keyset pages (`seq > last`), one page per call, so an
 * export never holds more than one page of rows; and counts them, for the export's audit entry.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from '../analytics/analytics-scope.js'
import { responseWhere } from '../analytics/response-filter.js'
import { EXPORT_SELECT, type ExportRow } from './export-columns.js'

/** Rows per page. */
export const EXPORT_PAGE_SIZE = 1_000

const whereOf = (scope: AnalyticsScope, status: 'completed' | 'partial') => responseWhere(scope, { status, at: status === 'completed' ? 'completed_at' : 'started_at' })

/**
 * How many responses an export of this scope holds now (for its audit entry).
 * @example const rows = await countResponses(ctx.db, scope, 'completed')
 */
export async function countResponses(q: Queryable, scope: AnalyticsScope, status: 'completed' | 'partial'): Promise<number> {
  const where = whereOf(scope, status)
  const row = await q.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM satisfaction_responses r WHERE ${where.sql}`, where.params)
  return Number(row?.n ?? 0)
}

/**
 * The pages of responses in scope, oldest first.
 * @example for await (const rows of responsePages(ctx.db, scope, 'completed')) write(rows)
 */
export async function* responsePages(q: Queryable, scope: AnalyticsScope, status: 'completed' | 'partial', pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportRow[]> {
  const where = whereOf(scope, status)
  const sql = `SELECT ${EXPORT_SELECT} FROM satisfaction_responses r WHERE ${where.sql} AND r.seq > ? ORDER BY r.seq LIMIT ?`
  let last = 0
  for (;;) {
    const rows = await q.all<ExportRow>(sql, [...where.params, last, pageSize])
    if (rows.length === 0) return
    yield rows
    if (rows.length < pageSize) return
    last = Number(rows[rows.length - 1]!.seq)
  }
}
