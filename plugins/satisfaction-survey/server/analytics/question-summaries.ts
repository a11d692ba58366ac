/**
 * @module
 * Per-question summaries of completed responses: choice counts, rating histograms, boolean
 * counts, matrix row × column counts and ranking positions, counted in SQL by question name and
 * value, then laid out by the survey version's questions.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { QuestionInfo } from '../validation/index.js'
import type { AnalyticsScope } from './analytics-scope.js'
import { jsonSql } from './json-sql.js'
import { responseWhere } from './response-filter.js'

/** One question's summary; the optional parts depend on its type. */
export type QuestionSummary = {
  name: string; type: string; title: unknown; answered: number
  choices?: Array<{ value: string | number; count: number }>
  average?: number | null
  histogram?: Array<{ value: number; count: number }>
  counts?: { true: number; false: number }
  cells?: Array<{ row: string | number; column: string | number; count: number }>
  ranking?: Array<{ value: string | number; averagePosition: number; count: number }>
}

type Count = { question: string; value: string; n: number; pos?: number | null }
const SCALAR = new Set(['radiogroup', 'dropdown', 'rating', 'boolean'])
const ARRAY = new Set(['checkbox', 'ranking'])
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** @example await questionSummaries(ctx.db, scope, layout.questions) */
export async function questionSummaries(q: Queryable, scope: AnalyticsScope, questions: readonly QuestionInfo[]): Promise<{ responses: number; questions: QuestionSummary[] }> {
  const js = jsonSql(q)
  const where = responseWhere(scope, { status: 'completed', at: 'completed_at' })
  const from = `FROM satisfaction_responses r, ${js.answers}`
  const names = (types: Set<string>) => questions.filter((qi) => types.has(qi.type)).map((qi) => qi.name)
  const scalarNames = names(SCALAR)
  const arrayNames = names(ARRAY)
  const matrixNames = names(new Set(['matrix']))
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM satisfaction_responses r WHERE ${where.sql}`, where.params)
  const answered = await q.all<{ question: string; n: number }>(`SELECT j.key AS question, COUNT(*) AS n ${from} WHERE ${where.sql} GROUP BY j.key`, where.params)
  const scalars = scalarNames.length === 0 ? [] : await q.all<Count>(
    `SELECT j.key AS question, ${js.scalarText} AS value, COUNT(*) AS n ${from} WHERE ${where.sql} AND ${js.scalar} AND j.key IN (${marks(scalarNames.length)}) GROUP BY j.key, ${js.scalarText}`,
    [...where.params, ...scalarNames])
  const elements = arrayNames.length === 0 ? [] : await q.all<Count>(
    `SELECT j.key AS question, ${js.elementText} AS value, COUNT(*) AS n, AVG(${js.elementPosition}) AS pos ${from}, ${js.elements}
     WHERE ${where.sql} AND j.key IN (${marks(arrayNames.length)}) GROUP BY j.key, ${js.elementText}`,
    [...where.params, ...arrayNames])
  const members = matrixNames.length === 0 ? [] : await q.all<Count & { row: string }>(
    `SELECT j.key AS question, e.key AS row, ${js.elementText} AS value, COUNT(*) AS n ${from}, ${js.members}
     WHERE ${where.sql} AND j.key IN (${marks(matrixNames.length)}) GROUP BY j.key, e.key, ${js.elementText}`,
    [...where.params, ...matrixNames])
  const answeredBy = new Map(answered.map((a) => [a.question, Number(a.n)]))
  const of = (rows: Count[], name: string) => rows.filter((r) => r.question === name)
  return {
    responses: Number(total?.n ?? 0),
    questions: questions.map((qi) => summarise(qi, answeredBy.get(qi.name) ?? 0, of(scalars, qi.name), of(elements, qi.name), of(members, qi.name) as Array<Count & { row: string }>)),
  }
}

/** Offered values first (zero counts included), then any other value stored. */
function countChoices(offered: ReadonlyArray<string | number>, rows: Count[]): Array<{ value: string | number; count: number }> {
  const counts = new Map(rows.map((r) => [r.value, Number(r.n)]))
  const listed = offered.map((value) => ({ value, count: counts.get(String(value)) ?? 0 }))
  const known = new Set(offered.map(String))
  return [...listed, ...rows.filter((r) => !known.has(r.value)).map((r) => ({ value: r.value, count: Number(r.n) }))]
}

function summarise(qi: QuestionInfo, answered: number, scalars: Count[], elements: Count[], members: Array<Count & { row: string }>): QuestionSummary {
  const base = { name: qi.name, type: qi.type, title: qi.title, answered }
  const choiceValues = (qi.choices ?? []).map((c) => c.value)
  switch (qi.type) {
    case 'radiogroup': case 'dropdown': return { ...base, choices: countChoices(choiceValues, scalars) }
    case 'checkbox': return { ...base, choices: countChoices(choiceValues, elements) }
    case 'rating': {
      const offered = qi.rateValues ?? (qi.rateMin !== undefined && qi.rateMax !== undefined ? Array.from({ length: qi.rateMax - qi.rateMin + 1 }, (_, i) => qi.rateMin! + i) : [])
      const histogram = countChoices(offered, scalars).map((c) => ({ value: Number(c.value), count: c.count }))
      const n = histogram.reduce((s, h) => s + h.count, 0)
      const average = n ? Math.round((histogram.reduce((s, h) => s + h.value * h.count, 0) / n) * 100) / 100 : null
      return { ...base, average, histogram }
    }
    case 'boolean': {
      const count = (v: string) => Number(scalars.find((r) => r.value === v)?.n ?? 0)
      return { ...base, counts: { true: count('true'), false: count('false') } }
    }
    case 'matrix': {
      const cells = (qi.rows ?? []).flatMap((row) => (qi.columns ?? []).map((column) => ({
        row: row.value, column: column.value,
        count: Number(members.find((m) => m.row === String(row.value) && m.value === String(column.value))?.n ?? 0),
      })))
      return { ...base, cells }
    }
    case 'ranking': {
      const ranking = elements.map((e) => ({ value: choiceValues.find((v) => String(v) === e.value) ?? e.value, averagePosition: Math.round(Number(e.pos) * 100) / 100, count: Number(e.n) }))
      return { ...base, ranking: ranking.sort((a, b) => a.averagePosition - b.averagePosition) }
    }
    default: return base
  }
}
