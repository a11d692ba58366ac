/**
 * @module
 * The nightly re-score: the rhythm part grows with every silent day, so each night the customers
 * not yet scored today whose score can still move are re-scored (those with an order, or a tier
 * downgrade that may have left its window), in batches of one transaction each, keyset-paged.
 * "Today" is the business's calendar day (`ctx.timeZone`) of the run's as-of time (`ctx.now()`
 * while a job runs: its schedule slot, or a replayed slot during an import), and every customer
 * is scored as of that time.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { ChurnConfig } from '../config.js'
import { dayNumber, dayStart } from '@rapport/plugin-sdk'
import { rescoreCustomer } from '../scoring/rescore-customer.js'

const BATCH = 500
const DUE = `SELECT customer_id FROM churn_risk_scores
  WHERE customer_id > ? AND scored_at < ? AND (last_order_at IS NOT NULL OR tier_downgrade_points > 0)
  ORDER BY customer_id LIMIT ?`
const COUNT_DUE = 'SELECT COUNT(*) AS n FROM churn_risk_scores WHERE scored_at < ? AND (last_order_at IS NOT NULL OR tier_downgrade_points > 0)'

/** Job name, run as `churn-risk:nightly-rescore`. */
export const NIGHTLY_RESCORE = 'nightly-rescore'

/** @example ctx.schedule(NIGHTLY_RESCORE, '30 2 * * *', nightlyRescore(ctx)) */
export const nightlyRescore = (ctx: PluginContext<ChurnConfig>) =>
  async function runNightlyRescore(job: JobRun): Promise<void> {
    const asOf = ctx.now()
    const startOfDay = dayStart(dayNumber(asOf, ctx.timeZone), ctx.timeZone).toISOString()
    const total = Number((await ctx.db.get<{ n: number }>(COUNT_DUE, [startOfDay]))?.n ?? 0)
    let after = ''
    let done = 0
    for (;;) {
      if (job.signal.aborted) return
      const rows = await ctx.db.all<{ customer_id: string }>(DUE, [after, startOfDay, BATCH])
      if (rows.length === 0) return
      await ctx.db.tx(async (tx) => {
        for (const { customer_id } of rows) await rescoreCustomer(ctx, tx, customer_id, { id: 'nightly-rescore' }, asOf)
      })
      done += rows.length
      await job.progress(done, total)
      after = rows[rows.length - 1]!.customer_id
    }
  }
