/**
 * @module
 * Where customers stop: for one survey version, how many responses answered each question, and
 * how many partial responses have each question as their last answered one in survey order.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { QuestionInfo } from '../validation/index.js'
import type { AnalyticsScope } from './analytics-scope.js'
import { jsonSql } from './json-sql.js'
import { responseWhere } from './response-filter.js'

/** Drop-off of one version over responses started in the range. */
export type DropOff = {
  started: number; partial: number; completed: number; noAnswer: number
  questions: Array<{ name: string; type: string; title: unknown; position: number; answered: number; stoppedAfter: number }>
}

/**
 * @param scope must name the survey and version
 * @example await dropOff(ctx.db, { ...scope, version: 2 }, layout.questions)
 */
export async function dropOff(q: Queryable, scope: AnalyticsScope, questions: readonly QuestionInfo[]): Promise<DropOff> {
  const js = jsonSql(q)
  const started = responseWhere(scope, { at: 'started_at' })
  const partial = responseWhere(scope, { status: 'partial', at: 'started_at' })
  const statuses = await q.all<{ status: string; n: number }>(`SELECT r.status, COUNT(*) AS n FROM satisfaction_responses r WHERE ${started.sql} GROUP BY r.status`, started.params)
  const countOf = (s: string) => Number(statuses.find((r) => r.status === s)?.n ?? 0)
  const answered = await q.all<{ question: string; n: number }>(
    `SELECT j.key AS question, COUNT(*) AS n FROM satisfaction_responses r, ${js.answers} WHERE ${started.sql} GROUP BY j.key`, started.params)
  let stopped: Array<{ position: number; n: number }> = []
  if (questions.length > 0) {
    const first = q.dialect === 'pg' ? '(?::text, ?::integer)' : '(?, ?)'
    const values = questions.map((_, i) => (i === 0 ? first : '(?, ?)')).join(', ')
    stopped = await q.all<{ position: number; n: number }>(
      `WITH qs(name, position) AS (VALUES ${values})
       SELECT last.position AS position, COUNT(*) AS n FROM (
         SELECT r.id, MAX(qs.position) AS position FROM satisfaction_responses r, ${js.answers}, qs WHERE qs.name = j.key AND ${partial.sql} GROUP BY r.id
       ) last GROUP BY last.position`,
      [...questions.flatMap((qi, i) => [qi.name, i + 1]), ...partial.params])
  }
  const answeredBy = new Map(answered.map((a) => [a.question, Number(a.n)]))
  const stoppedAt = new Map(stopped.map((s) => [Number(s.position), Number(s.n)]))
  const withAnswers = stopped.reduce((n, s) => n + Number(s.n), 0)
  return {
    started: countOf('partial') + countOf('completed'), partial: countOf('partial'), completed: countOf('completed'), noAnswer: countOf('partial') - withAnswers,
    questions: questions.map((qi, i) => ({ name: qi.name, type: qi.type, title: qi.title, position: i + 1, answered: answeredBy.get(qi.name) ?? 0, stoppedAfter: stoppedAt.get(i + 1) ?? 0 })),
  }
}
