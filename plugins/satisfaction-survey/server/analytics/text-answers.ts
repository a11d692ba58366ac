/**
 * @module
 * Free-text answers of one question, newest first, searched with LIKE (SQLite) / ILIKE
 * (PostgreSQL) and paged by a keyset on the response's `seq`.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'
import { containsPattern, jsonSql } from './json-sql.js'
import { responseWhere, type SqlValue } from './response-filter.js'

/** One free-text answer. */
export type TextAnswer = { responseId: string; customerId: string | null; version: number; completedAt: string; text: string }

/** What to read. */
export type TextQuery = { question: string; search?: string | undefined; cursor?: string | undefined; limit: number }

type Row = { seq: number; id: string; customer_id: string | null; version: number; completed_at: string; text: string }

/** @example await textAnswers(ctx.db, scope, { question: 'why', search: '物流', limit: 50 }) */
export async function textAnswers(q: Queryable, scope: AnalyticsScope, t: TextQuery): Promise<{ items: TextAnswer[]; nextCursor: string | null }> {
  const js = jsonSql(q)
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const conditions = [where.sql, 'j.key = ?', `${js.stringText} <> ''`]
  const params: SqlValue[] = [...where.params, t.question]
  if (t.search) { conditions.push(`${js.stringText} ${js.like}`); params.push(containsPattern(t.search)) }
  if (t.cursor) { conditions.push('r.seq < ?'); params.push(Number(t.cursor)) }
  const rows = await q.all<Row>(
    `SELECT r.seq, r.id, r.customer_id, r.version, r.completed_at, ${js.stringText} AS text FROM satisfaction_responses r, ${js.answers}
     WHERE ${conditions.join(' AND ')} ORDER BY r.seq DESC LIMIT ?`,
    [...params, t.limit + 1],
  )
  const page = rows.slice(0, t.limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => ({ responseId: r.id, customerId: r.customer_id, version: Number(r.version), completedAt: r.completed_at, text: r.text })),
    nextCursor: rows.length > t.limit && last ? String(last.seq) : null,
  }
}
