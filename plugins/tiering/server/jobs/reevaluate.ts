/**
 * @module
 * The full re-evaluation (nightly, and on demand): in one transaction, set-based statements
 * refresh everyone's window totals, scores, tiers, segments and recency statuses and store the
 * new cut points; then the customers whose values changed are applied in batches (downgrade
 * policy, profile, history, `tiering.tierChanged`), reporting progress after each batch.
 */
import type { CutPoints } from '../store/cut-points.js'
import { saveCutPoints } from '../store/cut-points.js'
import type { CustomerRow } from '../store/customer-row.js'
import { dayNumber, windowStart } from '../store/days.js'
import { applyEvaluation } from '../evaluation/apply-evaluation.js'
import type { TieringContext } from '../evaluation/types.js'
import { computeCutPoints } from './compute-cut-points.js'
import { classifyAll, refreshAllWindowTotals, scoreAll, tierAll } from './population-statements.js'

export type ReevaluateOptions = {
  /** Makes the emitted events' keys unique to this run. */
  runKey: string
  progress?: (done: number, total?: number) => Promise<void>
  batchSize?: number
}

export type ReevaluateResult = { customers: number; changed: number; cutPoints: CutPoints }

const CHANGED = `FROM tiering_customers WHERE last_order_day IS NOT NULL AND (next_recency IS DISTINCT FROM recency OR next_frequency IS DISTINCT FROM frequency
  OR next_monetary IS DISTINCT FROM monetary OR next_segment IS DISTINCT FROM segment OR next_recency_status IS DISTINCT FROM recency_status OR next_tier IS DISTINCT FROM tier)`

/** @example const result = await reevaluateAll(ctx, { runKey: job.runId, progress: job.progress }) */
export async function reevaluateAll(ctx: TieringContext, { runKey, progress = async () => {}, batchSize = 200 }: ReevaluateOptions): Promise<ReevaluateResult> {
  const config = ctx.config
  const now = ctx.now()
  const { cutPoints, total } = await ctx.db.tx(async (tx) => {
    await refreshAllWindowTotals(tx, windowStart(now, config.windowDays))
    await scoreAll(tx)
    await tierAll(tx, config.tiers)
    await classifyAll(tx, config, dayNumber(now))
    const cuts = await computeCutPoints(tx, now.toISOString())
    await saveCutPoints(tx, cuts)
    const count = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n ${CHANGED}`)
    return { cutPoints: cuts, total: Number(count?.n ?? 0) }
  })
  await progress(0, total)
  let done = 0
  let after = ''
  for (;;) {
    const rows = await ctx.db.all<CustomerRow>(`SELECT * ${CHANGED} AND customer_id > ? ORDER BY customer_id LIMIT ?`, [after, batchSize])
    if (rows.length === 0) break
    await ctx.db.tx(async (tx) => {
      for (const row of rows) {
        await applyEvaluation(ctx, tx, row, {
          recency: row.next_recency ?? 3, frequency: row.next_frequency ?? 3, monetary: row.next_monetary ?? 3,
          segment: row.next_segment ?? config.fallbackSegment, recencyStatus: row.next_recency_status ?? 'active',
          computedTier: row.next_tier ?? 'iron', spendMinor: Number(row.window_spend_minor),
        }, { trigger: 'reevaluation', reasonId: 'reevaluate', key: `reevaluate:${runKey}` })
      }
    })
    done += rows.length
    after = rows[rows.length - 1]!.customer_id
    await progress(done, total)
  }
  return { customers: cutPoints.population, changed: done, cutPoints }
}
