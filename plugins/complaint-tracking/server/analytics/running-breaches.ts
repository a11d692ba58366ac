/**
 * @module
 * SLA targets breached but still running: a case not answered or not resolved past its target has
 * no outcome row yet (one is written when the clock stops), so a hit rate over outcomes alone shows
 * 100% while cases are late. Counted per target, for breaches in `[from, to)` of targets still
 * running now. The clocks need the business calendar, so they are read per case, for the few
 * active cases whose earliest breach (`sla_breach_at`, kept by every write and the SLA job) is past.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { findCase } from '../cases/case-store.js'
import { caseSla } from '../sla/case-sla.js'
import type { SlaConfig } from '../sla/sla-config.js'

type SqlParams = NonNullable<Parameters<Queryable['all']>[1]>

/** One running clock past its target, with the case fields analytics group by. */
export type RunningBreach = { caseId: string; target: string; breachAt: string; assigneeId: string | null; category: string; channel: string }

/**
 * Each running clock that breached in `[from, to)`; `cases` narrows the cases (SQL on `complaints_cases`).
 * @example const late = await runningBreachList(ctx.db, ctx.config.sla, from, to, ctx.now())
 */
export async function runningBreachList(
  q: Queryable, sla: SlaConfig, from: string, to: string, now: Date,
  cases: { sql: string; params: SqlParams } = { sql: '1 = 1', params: [] },
): Promise<RunningBreach[]> {
  const late = await q.all<{ id: string }>(
    `SELECT id FROM complaints_cases WHERE status NOT IN ('resolved', 'closed') AND sla IS NOT NULL AND sla_breach_at IS NOT NULL
     AND sla_breach_at < ? AND sla_breach_at < ? AND ${cases.sql} ORDER BY seq`, [to, now.toISOString(), ...cases.params])
  const found: RunningBreach[] = []
  for (const { id } of late) {
    const c = await findCase(q, id, now)
    const clocks = c && await caseSla(q, sla, c, now)
    for (const clock of clocks?.targets ?? []) {
      if (!c || !clock.running || clock.state !== 'breached' || clock.breachAt === null || clock.breachAt < from || clock.breachAt >= to) continue
      found.push({ caseId: id, target: clock.target, breachAt: clock.breachAt, assigneeId: c.assigneeId, category: c.category, channel: c.channel })
    }
  }
  return found
}

/**
 * Target → how many running clocks breached in the range; `customers` narrows to a segment (SQL on `customer_id`).
 * @example const running = await runningBreaches(ctx.db, ctx.config.sla, from, to, ctx.now())
 */
export async function runningBreaches(
  q: Queryable, sla: SlaConfig, from: string, to: string, now: Date,
  customers: { sql: string; params: SqlParams } = { sql: '1 = 1', params: [] },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const b of await runningBreachList(q, sla, from, to, now, customers)) counts.set(b.target, (counts.get(b.target) ?? 0) + 1)
  return counts
}
