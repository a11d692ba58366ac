/**
 * @module
 * The daily expiry job: as of the run's time (`ctx.now()`, the slot it runs for; an import replays
 * the slots), for each member with lots past their expiry, one transaction that expires them
 * (`points.expired`, dated at the lots' expiry). Everything is computed from that one as-of time,
 * so a run as of T does what a run at T would.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { expireLots } from '../ledger/expire-lots.js'

const DUE = 'SELECT DISTINCT customer_id FROM points_lots WHERE remaining > 0 AND expires_at <= ? ORDER BY customer_id'

/** @example ctx.schedule('expire-points', '10 0 * * *', expirePoints(ctx)) */
export const expirePoints = (ctx: PluginContext<PointsConfig>) =>
  async function expirePointsJob(job: JobRun): Promise<void> {
    const asOf = ctx.now().toISOString()
    const due = await ctx.db.all<{ customer_id: string }>(DUE, [asOf])
    let done = 0
    for (const { customer_id: customerId } of due) {
      if (job.signal.aborted) return
      await ctx.db.tx((tx) => expireLots(tx, ctx, customerId, asOf))
      done += 1
      if (done % 100 === 0) await job.progress(done, due.length)
    }
    await job.progress(done, due.length)
  }
