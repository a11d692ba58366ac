/**
 * @module
 * SLA hit rates in business time, by agent, category or channel, with filters: the stopped
 * targets (met or missed, from the outcome rows, in SQL) plus the targets breached and still
 * running (read per late case, see running-breaches.ts), which count as missed. The range and
 * the daily series are business-calendar days in the business's time zone, not UTC days: each
 * day's bounds are its local midnights, joined in SQL as a VALUES table.
 */
import type { PluginContext, z } from '@rapport/plugin-sdk'
import { DateTime } from 'luxon'
import type { slaAnalyticsQuery, slaAnalyticsSchema } from '../../shared/agent-schemas.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { runningBreachList } from './running-breaches.js'

type Query = z.output<typeof slaAnalyticsQuery>
type Result = z.infer<typeof slaAnalyticsSchema>
type Params = Array<string | number>

const num = (v: unknown) => Number(v ?? 0)
const rate = (met: number, total: number) => (total === 0 ? null : Math.round((met / total) * 1000) / 1000)

/** The case filters as SQL over `complaints_cases` (columns prefixed with `p`). */
function caseFilter(q: Query, p: string): { sql: string; params: Params } {
  const where = ['1 = 1']
  const params: Params = []
  if (q.category) { where.push(`(${p}category = ? OR ${p}category LIKE ? ESCAPE '\\')`); params.push(q.category, `${q.category.replace(/[\\%_]/g, '\\$&')}.%`) }
  if (q.channel) { where.push(`${p}channel = ?`); params.push(q.channel) }
  if (q.assignee) { where.push(`${p}assignee_id = ?`); params.push(q.assignee) }
  if (q.priority) { where.push(`${p}priority = ?`); params.push(q.priority) }
  return { sql: where.join(' AND '), params }
}

/** The business days of the query, each with its UTC bounds; 422 when empty or over 366 days. */
function businessDays(ctx: Pick<PluginContext, 'now' | 'timeZone'>, q: Query) {
  const zone = ctx.timeZone
  const toDay = q.to ? DateTime.fromISO(q.to, { zone }) : DateTime.fromJSDate(ctx.now(), { zone }).startOf('day')
  const fromDay = q.from ? DateTime.fromISO(q.from, { zone }) : toDay.minus({ days: 29 })
  if (!fromDay.isValid || !toDay.isValid || fromDay > toDay || toDay.diff(fromDay, 'days').days >= 366) {
    throw complaintsErrors.ANALYTICS_RANGE_INVALID({ from: q.from ?? String(fromDay.toISODate()), to: q.to ?? String(toDay.toISODate()) })
  }
  const days: Array<{ day: string; start: string; end: string }> = []
  for (let d = fromDay; d <= toDay; d = d.plus({ days: 1 })) days.push({ day: d.toISODate()!, start: d.toUTC().toISO()!, end: d.plus({ days: 1 }).toUTC().toISO()! })
  return days
}

/** @example await slaAnalytics(ctx, { by: 'agent', from: '2026-12-01', to: '2026-12-07' }) */
export async function slaAnalytics(ctx: PluginContext<ComplaintsConfig>, q: Query): Promise<Result> {
  const days = businessDays(ctx, q)
  const from = days[0]!.start
  const to = days.at(-1)!.end
  const col = { agent: 'c.assignee_id', category: 'c.category', channel: 'c.channel' }[q.by]
  const f = caseFilter(q, 'c.')
  const stopped = await ctx.db.all<{ k: string | null; target: string; total: unknown; met: unknown; mean: unknown }>(
    `SELECT ${col} AS k, o.target AS target, COUNT(*) AS total, SUM(o.met) AS met, AVG(o.elapsed_minutes) AS mean
     FROM complaints_sla_outcomes o JOIN complaints_cases c ON c.id = o.case_id
     WHERE o.at >= ? AND o.at < ? AND ${f.sql} GROUP BY ${col}, o.target`, [from, to, ...f.params])
  const values = days.map(() => '(?, ?, ?)').join(', ')
  const daily = await ctx.db.all<{ day: string; total: unknown; met: unknown }>(
    `WITH d(day, s, e) AS (VALUES ${values})
     SELECT d.day AS day, COUNT(*) AS total, SUM(o.met) AS met FROM d
     JOIN complaints_sla_outcomes o ON o.at >= d.s AND o.at < d.e JOIN complaints_cases c ON c.id = o.case_id
     WHERE ${f.sql} GROUP BY d.day`, [...days.flatMap((d) => [d.day, d.start, d.end]), ...f.params])
  const running = await runningBreachList(ctx.db, ctx.config.sla, from, to, ctx.now(), caseFilter(q, ''))
  const keyOf = (b: (typeof running)[number]) => (q.by === 'agent' ? b.assigneeId : q.by === 'category' ? b.category : b.channel)
  const groups = new Map<string, Result['groups'][number]>()
  const group = (key: string | null, target: string) => {
    const id = JSON.stringify([key, target])
    if (!groups.has(id)) groups.set(id, { key, target, total: 0, met: 0, breachedRunning: 0, rate: null, meanElapsedMinutes: null })
    return groups.get(id)!
  }
  for (const r of stopped) Object.assign(group(r.k, r.target), { total: num(r.total), met: num(r.met), meanElapsedMinutes: r.mean === null ? null : Math.round(Number(r.mean)) })
  for (const b of running) { const g = group(keyOf(b), b.target); g.breachedRunning += 1; g.total += 1 }
  const byDay = new Map(days.map((d) => [d.day, { day: d.day, total: 0, met: 0, breachedRunning: 0, rate: null as number | null }]))
  for (const r of daily) Object.assign(byDay.get(r.day)!, { total: num(r.total), met: num(r.met) })
  for (const b of running) { const d = byDay.get(DateTime.fromISO(b.breachAt, { zone: ctx.timeZone }).toISODate()!); if (d) { d.breachedRunning += 1; d.total += 1 } }
  const sorted = [...groups.values()].map((g) => ({ ...g, rate: rate(g.met, g.total) }))
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '') || a.target.localeCompare(b.target))
  return {
    from: days[0]!.day, to: days.at(-1)!.day, timeZone: ctx.timeZone, by: q.by, groups: sorted,
    days: [...byDay.values()].map((d) => ({ ...d, rate: rate(d.met, d.total) })),
  }
}
