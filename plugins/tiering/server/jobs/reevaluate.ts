/**
 * @module
 * The full re-evaluation (nightly, and on demand): in one transaction, set-based statements
 * refresh everyone's window totals, scores, tiers, segments and recency statuses and store the
 * new cut points; then the customers whose values changed are applied in batches (downgrade
 * policy, profile, history, `tier.changed`), reporting progress after each batch. After a
 * change of the ladder criteria, every customer's ladder step is checked once as well.
 */
import type { CutPoints } from '../store/cut-points.js'
import { refreshCutPoints } from '../evaluation/current-cut-points.js'
import type { CustomerRow } from '../store/customer-row.js'
import { applyEvaluation, applyUnscored } from '../evaluation/apply-evaluation.js'
import { totalsOfRow } from '../store/customer-totals.js'
import { pointsOf } from '../store/points-copy.js'
import { applyLadder } from '../evaluation/apply-ladder.js'
import type { TieringContext } from '../evaluation/types.js'
import { basisValue } from '../scoring/value-tier.js'

export type ReevaluateOptions = {
  /** Makes the emitted events' keys unique to this run. */
  runKey: string
  progress?: (done: number, total?: number) => Promise<void>
  batchSize?: number
}

/** `changed`: customers whose computed values differed from the applied ones; `ladderChecked`: customers whose ladder step was checked. */
export type ReevaluateResult = { customers: number; changed: number; ladderChecked: number; cutPoints: CutPoints }

/** What the tier of a row was chosen on. */
function basisOf(tiers: TieringContext['config']['tiers'], row: CustomerRow) {
  const values = { spendMinor: Number(row.window_spend_minor), pointsBalance: Number(row.points_balance ?? 0), pointsLifetime: Number(row.points_lifetime ?? 0) }
  const basis = tiers.mode === 'thresholds' ? tiers.basis : 'spend'
  return { basis, basisValue: basisValue(basis, values) } as const
}

/** Scored customers whose values moved, and those left with no order that counts whose tier waits to fall. */
const IS_CHANGED = `((last_order_day IS NOT NULL AND (next_recency IS DISTINCT FROM recency OR next_frequency IS DISTINCT FROM frequency
  OR next_monetary IS DISTINCT FROM monetary OR next_segment IS DISTINCT FROM segment OR next_recency_status IS DISTINCT FROM recency_status OR next_tier IS DISTINCT FROM tier))
  OR (last_order_day IS NULL AND tier IS NOT NULL AND next_tier IS DISTINCT FROM tier))`
/** A batch's rows, read again when it is applied (an order may have evaluated a customer meanwhile). */
const batchOf = (n: number) => `SELECT *, ${IS_CHANGED} AS is_changed FROM tiering_customers
  WHERE customer_id IN (${Array.from({ length: n }, () => '?').join(', ')}) ORDER BY customer_id`

/** @example const result = await reevaluateAll(ctx, { runKey: job.runId, progress: job.progress }) */
export async function reevaluateAll(ctx: TieringContext, { runKey, progress = async () => {}, batchSize = 200 }: ReevaluateOptions): Promise<ReevaluateResult> {
  const config = ctx.config
  const now = ctx.now()
  const ladderConfig = JSON.stringify(config.ladder)
  const { cutPoints, ids, ladderAll } = await ctx.db.tx(async (tx) => {
    const cuts = await refreshCutPoints(ctx, tx, now)
    const applied = await tx.get<{ value: string }>(`SELECT value FROM tiering_state WHERE key = 'ladderConfig'`)
    const all = applied?.value !== ladderConfig
    // The customers to apply, in one scan of the table: batches then read them by key instead of
    // each batch walking the key index (and every row) from where the last one stopped.
    const rows = await tx.all<{ customer_id: string }>(`SELECT customer_id FROM tiering_customers${all ? '' : ` WHERE ${IS_CHANGED}`}`)
    return { cutPoints: cuts, ids: rows.map((r) => r.customer_id).sort(), ladderAll: all }
  })
  const total = ids.length
  await progress(0, total)
  let done = 0
  let changed = 0
  // After a ladder config change everyone's step is checked once (their other values only when changed).
  for (let start = 0; start < total; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const rows = await ctx.db.all<CustomerRow & { is_changed: number | boolean }>(batchOf(batch.length), batch)
    await ctx.db.tx(async (tx) => {
      for (const row of rows) {
        const options = { trigger: 'reevaluation', reasonId: 'reevaluate', key: `reevaluate:${runKey}`, at: now, checkLadder: ladderAll } as const
        if (row.is_changed && row.last_order_day === null) {
          changed++
          const profile = await ctx.readProfile(row.customer_id, tx)
          await applyUnscored(ctx, tx, row, { totals: totalsOfRow(row), points: pointsOf(profile), profile }, options)
          continue
        }
        if (!row.is_changed || row.last_order_day === null) {
          if (ladderAll) await applyLadder(ctx, tx, row, options)
          continue
        }
        changed++
        await applyEvaluation(ctx, tx, row, {
          recency: row.next_recency ?? 3, frequency: row.next_frequency ?? 3, monetary: row.next_monetary ?? 3,
          segment: row.next_segment ?? config.fallbackSegment, recencyStatus: row.next_recency_status ?? 'active',
          computedTier: row.next_tier ?? 'iron', spendMinor: Number(row.window_spend_minor), ...basisOf(config.tiers, row),
        }, options)
      }
    })
    done += batch.length
    await progress(done, total)
  }
  if (ladderAll) {
    await ctx.db.tx((tx) => tx.run(`INSERT INTO tiering_state (key, value) VALUES ('ladderConfig', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [ladderConfig]))
  }
  return { customers: cutPoints.population, changed, ladderChecked: ladderAll ? done : changed, cutPoints }
}
