/**
 * @module
 * The WHERE clause of analytics queries on `satisfaction_responses r`: status, a time column in
 * the range, survey, version and channel. Ranges compare the stored UTC ISO strings.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnalyticsScope } from './analytics-scope.js'

/** A value a statement parameter takes. */
export type SqlValue = NonNullable<Parameters<Queryable['all']>[1]>[number]

/** A SQL condition and its parameters. */
export type Condition = { sql: string; params: SqlValue[] }

/**
 * @param at the time column the range applies to (`completed_at` for completed responses, `started_at` for partial ones)
 * @example const w = responseWhere(scope, { status: 'completed', at: 'completed_at' }); db.all(`SELECT … FROM satisfaction_responses r WHERE ${w.sql}`, w.params)
 */
export function responseWhere(scope: AnalyticsScope, { status, at }: { status?: 'completed' | 'partial'; at: 'completed_at' | 'started_at' }): Condition {
  const where: string[] = []
  const params: SqlValue[] = []
  // completed_at is set exactly when a response completes: testing it keeps the covering indexes usable.
  if (status === 'completed' && at === 'completed_at') { if (!scope.fromAt) where.push('r.completed_at IS NOT NULL') }
  else if (status) { where.push('r.status = ?'); params.push(status) }
  if (scope.fromAt) { where.push(`r.${at} >= ?`); params.push(scope.fromAt) }
  if (scope.toAt) { where.push(`r.${at} < ?`); params.push(scope.toAt) }
  if (scope.surveyId) { where.push('r.survey_id = ?'); params.push(scope.surveyId) }
  if (scope.version !== undefined) { where.push('r.version = ?'); params.push(scope.version) }
  if (scope.channel) { where.push('r.channel = ?'); params.push(scope.channel) }
  return { sql: where.length ? where.join(' AND ') : '1 = 1', params }
}
