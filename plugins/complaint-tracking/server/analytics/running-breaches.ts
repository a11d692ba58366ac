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

/**
 * Target → how many running clocks breached in the range; `customers` narrows to a segment (SQL on `customer_id`).
 * @example const running = await runningBreaches(ctx.db, ctx.config.sla, from, to, ctx.now())
 */
export async function runningBreaches(
  q: Queryable, sla: SlaConfig, from: string, to: string, now: Date,
  customers: { sql: string; params: SqlParams } = { sql: '1 = 1', params: [] },
): Promise<Map<string, number>> {
  const late = await q.all<{ id: string }>(
    `SELECT id FROM complaints_cases WHERE status NOT IN ('resolved', 'closed') AND sla IS NOT NULL AND sla_breach_at IS NOT NULL
     AND sla_breach_at < ? AND sla_breach_at < ? AND ${customers.sql} ORDER BY seq`, [to, now.toISOString(), ...customers.params])
  const counts = new Map<string, number>()
  for (const { id } of late) {
    const found = await findCase(q, id, now)
    const clocks = found && await caseSla(q, sla, found, now)
    for (const clock of clocks?.targets ?? []) {
      if (!clock.running || clock.state !== 'breached' || clock.breachAt === null || clock.breachAt < from || clock.breachAt >= to) continue
      counts.set(clock.target, (counts.get(clock.target) ?? 0) + 1)
    }
  }
  return counts
}
