/**
 * @module
 * Reads the responses of an export in keyset pages (`seq > last`), one page per call, so an
 * export never holds more than one page of rows.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from '../analytics/analytics-scope.js'
import { responseWhere } from '../analytics/response-filter.js'
import { EXPORT_SELECT, type ExportRow } from './export-columns.js'

/** Rows per page. */
export const EXPORT_PAGE_SIZE = 1_000

/**
 * The pages of responses in scope, oldest first.
 * @example for await (const rows of responsePages(ctx.db, scope, 'completed')) write(rows)
 */
export async function* responsePages(q: Queryable, scope: AnalyticsScope, status: 'completed' | 'partial', pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportRow[]> {
  const where = responseWhere(scope, { status, at: status === 'completed' ? 'completed_at' : 'started_at' })
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
