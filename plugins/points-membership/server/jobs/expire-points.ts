/**
 * @module
 * The daily expiry job: for each member with lots past their expiry, one transaction that
 * expires them (`points.expired`).
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { expireLots } from '../ledger/expire-lots.js'

const DUE = 'SELECT DISTINCT customer_id FROM points_lots WHERE remaining > 0 AND expires_at <= ? ORDER BY customer_id'

/** @example ctx.schedule('expire-points', '10 0 * * *', expirePoints(ctx)) */
export const expirePoints = (ctx: PluginContext<PointsConfig>) =>
  async function expirePointsJob(job: JobRun): Promise<void> {
    const due = await ctx.db.all<{ customer_id: string }>(DUE, [ctx.now().toISOString()])
    let done = 0
    for (const { customer_id: customerId } of due) {
      if (job.signal.aborted) return
      await ctx.db.tx((tx) => expireLots(tx, ctx, customerId))
      done += 1
      if (done % 100 === 0) await job.progress(done, due.length)
    }
    await job.progress(done, due.length)
  }
