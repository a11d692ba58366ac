/**
 * @module
 * Complaint analytics, each figure one SQL statement over the plugin's tables: open cases by
 * status and priority (now), volume by day, category and channel, first-response and resolution
 * times (mean and percentiles, wall-clock minutes), SLA hit rate per target (stopped targets, plus
 * the targets breached but still running, counted as missed), reopen rate, CSAT after resolution
 * and repeat complainers, over a range `[from, to)`.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { slaTargets } from '../sla/sla-clock.js'

/** Minutes between two ISO timestamps, per dialect. */
const minutes = (q: Queryable, from: string, to: string) =>
  q.dialect === 'pg' ? `EXTRACT(EPOCH FROM (${to}::timestamptz - ${from}::timestamptz)) / 60.0` : `(julianday(${to}) - julianday(${from})) * 1440.0`

/** Mean and nearest-rank percentiles of a per-case figure. */
async function distribution(q: Queryable, expr: string, where: string, params: string[]) {
  const row = await q.get<{ count: number; mean: number | null; p50: number | null; p90: number | null }>(
    `WITH d AS (SELECT ${expr} AS m FROM complaints_cases WHERE ${where}),
     r AS (SELECT m, ROW_NUMBER() OVER (ORDER BY m) AS rn, COUNT(*) OVER () AS n FROM d)
     SELECT COUNT(*) AS count, AVG(m) AS mean, MIN(CASE WHEN rn >= 0.5 * n THEN m END) AS p50, MIN(CASE WHEN rn >= 0.9 * n THEN m END) AS p90 FROM r`, params)
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10)
  return { count: Number(row?.count ?? 0), mean: round(row?.mean), p50: round(row?.p50), p90: round(row?.p90) }
}

const num = (v: unknown) => Number(v ?? 0)
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)

/**
 * `runningBreached`: target → clocks breached in the range and still running (see running-breaches.ts).
 * @example await complaintAnalytics(ctx.db, '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', running)
 */
export async function complaintAnalytics(q: Queryable, from: string, to: string, runningBreached: ReadonlyMap<string, number> = new Map()) {
  const range = [from, to]
  const open = await q.all<{ status: string; priority: string; count: number }>(
    "SELECT status, priority, COUNT(*) AS count FROM complaints_cases WHERE status NOT IN ('resolved', 'closed') GROUP BY status, priority ORDER BY status, priority")
  const byCategory = await q.all<{ category: string; count: number }>(
    'SELECT category, COUNT(*) AS count FROM complaints_cases WHERE created_at >= ? AND created_at < ? GROUP BY category ORDER BY count DESC, category', range)
  const byChannel = await q.all<{ channel: string; count: number }>(
    'SELECT channel, COUNT(*) AS count FROM complaints_cases WHERE created_at >= ? AND created_at < ? GROUP BY channel ORDER BY count DESC, channel', range)
  const volume = await q.all<{ day: string; category: string; channel: string; count: number }>(
    `SELECT substr(created_at, 1, 10) AS day, category, channel, COUNT(*) AS count FROM complaints_cases
     WHERE created_at >= ? AND created_at < ? GROUP BY substr(created_at, 1, 10), category, channel ORDER BY day, category, channel`, range)
  const firstResponse = await distribution(q, minutes(q, 'created_at', 'first_response_at'), 'first_response_at IS NOT NULL AND created_at >= ? AND created_at < ?', range)
  const resolution = await distribution(q, minutes(q, 'created_at', 'resolved_at'), 'resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?', range)
  const sla = await q.all<{ target: string; total: number; met: number }>(
    'SELECT target, COUNT(*) AS total, SUM(met) AS met FROM complaints_sla_outcomes WHERE at >= ? AND at < ? GROUP BY target ORDER BY target', range)
  const reopen = await q.get<{ finished: number; reopened: number }>(
    `SELECT SUM(CASE WHEN resolved_at IS NOT NULL OR reopen_count > 0 THEN 1 ELSE 0 END) AS finished, SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END) AS reopened
     FROM complaints_cases WHERE created_at >= ? AND created_at < ?`, range)
  const csat = await q.get<{ count: number; mean: number | null }>(
    'SELECT COUNT(*) AS count, AVG(csat) AS mean FROM complaints_cases WHERE csat IS NOT NULL AND csat_at >= ? AND csat_at < ?', range)
  const repeat = await q.all<{ customer_id: string; cases: number }>(
    `SELECT customer_id, COUNT(*) AS cases FROM complaints_cases WHERE customer_id IS NOT NULL AND created_at >= ? AND created_at < ?
     GROUP BY customer_id HAVING COUNT(*) >= 2 ORDER BY cases DESC, customer_id LIMIT 20`, range)
  const repeatCount = await q.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT customer_id FROM complaints_cases WHERE customer_id IS NOT NULL AND created_at >= ? AND created_at < ?
     GROUP BY customer_id HAVING COUNT(*) >= 2) AS repeaters`, range)
  const finished = num(reopen?.finished)
  const reopened = num(reopen?.reopened)
  return {
    from, to,
    openByStatusAndPriority: open.map((r) => ({ ...r, count: num(r.count) })),
    byCategory: byCategory.map((r) => ({ ...r, count: num(r.count) })),
    byChannel: byChannel.map((r) => ({ ...r, count: num(r.count) })),
    volume: volume.map((r) => ({ ...r, count: num(r.count) })),
    firstResponseMinutes: firstResponse,
    resolutionMinutes: resolution,
    slaHitRate: slaTargets.map((target) => {
      const stopped = sla.find((r) => r.target === target)
      const breachedRunning = runningBreached.get(target) ?? 0
      const total = num(stopped?.total) + breachedRunning
      const met = num(stopped?.met)
      return { target, total, met, breachedRunning, rate: rate(met, total) }
    }).filter((r) => r.total > 0),
    reopenRate: { finished, reopened, rate: rate(reopened, finished) },
    csatAfterResolution: { count: num(csat?.count), mean: csat?.mean === null || csat?.mean === undefined ? null : Math.round(Number(csat.mean) * 100) / 100 },
    repeatComplainers: { customers: num(repeatCount?.n), top: repeat.map((r) => ({ customerId: r.customer_id, cases: num(r.cases) })) },
  }
}
