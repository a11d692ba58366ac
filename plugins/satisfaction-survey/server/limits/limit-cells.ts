/**
 * @module
 * The counted cells a completed response falls in, with their caps: `total`, its business day
 * `day:<YYYY-MM-DD>`, and one cell per quota (`quota:<n>:<value>`) when its answer or profile
 * field has a value. Pure.
 */
import type { SurveyLimits } from '../../shared/limit-schemas.js'

/** A counted cell; `max` null: counted, not capped. */
export type Cell = { cell: string; max: number | null; quota?: { key: string; value: string } }

/** The business day of an instant in a time zone, `YYYY-MM-DD`. @example dayOf(new Date('2026-12-07T17:00:00Z'), 'Asia/Shanghai') // '2026-12-08' */
export const dayOf = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)

const cellValue = (v: unknown): string | null =>
  typeof v === 'string' ? (v === '' ? null : v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null

/** @example cellsOf(limits, { answers: { plan: 'pro' }, profile: {}, day: '2026-12-07' }) */
export function cellsOf(limits: SurveyLimits, r: { answers: Record<string, unknown>; profile: Record<string, unknown>; day: string }): Cell[] {
  const cells: Cell[] = [{ cell: 'total', max: limits.maxResponses }, { cell: `day:${r.day}`, max: limits.maxPerDay }]
  limits.quotas.forEach((q, i) => {
    const value = cellValue(q.source === 'answer' ? r.answers[q.key] : r.profile[q.key])
    if (value !== null) cells.push({ cell: `quota:${i}:${value}`, max: q.maxByValue[value] ?? q.max, quota: { key: q.key, value } })
  })
  return cells
}
