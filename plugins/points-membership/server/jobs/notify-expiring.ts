/**
 * @module
 * The daily expiring-soon notice: for each customer and each day on which some of their lots
 * expire within `expiryNoticeDays`, one `points.expiring` event (a mail or SMS plugin sends the
 * reminder from it). Keyed by customer and expiry day, so a second run, or the next day's run,
 * never repeats a notice. Counted as of the run's time (`ctx.now()`), and the notices are dated at it.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { addDays } from '../ledger/ledger-deps.js'

// One row per customer and expiry day; the lot ids come back as one string (portable: no array aggregates).
const DUE = `SELECT l.customer_id, substr(l.expires_at, 1, 10) AS day, SUM(l.remaining) AS points, MIN(l.expires_at) AS expires_at,
    COUNT(*) AS lots
  FROM points_lots l JOIN points_members m ON m.customer_id = l.customer_id AND m.status = 'active'
  WHERE l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?
  GROUP BY l.customer_id, substr(l.expires_at, 1, 10) ORDER BY l.customer_id, day`
const LOTS = `SELECT id FROM points_lots WHERE customer_id = ? AND remaining > 0 AND expires_at > ? AND substr(expires_at, 1, 10) = ? ORDER BY id`

type Due = { customer_id: string; day: string; points: number; expires_at: string }

/** @example ctx.schedule('notify-expiring', '30 0 * * *', notifyExpiring(ctx)) */
export const notifyExpiring = (ctx: PluginContext<PointsConfig>) =>
  async function notifyExpiringJob(job: JobRun): Promise<void> {
    const now = ctx.now().toISOString()
    const due = await ctx.db.all<Due>(DUE, [now, addDays(now, ctx.config.expiryNoticeDays)])
    let done = 0
    for (const row of due) {
      if (job.signal.aborted) return
      await ctx.db.tx(async (tx) => {
        const lotIds = (await tx.all<{ id: string }>(LOTS, [row.customer_id, now, row.day])).map((l) => l.id)
        await ctx.emit('points.expiring', row.customer_id, { points: Number(row.points), expiresAt: row.expires_at, lotIds }, { key: `${row.customer_id}:${row.day}`, occurredAt: now, tx })
      })
      done += 1
      if (done % 100 === 0) await job.progress(done, due.length)
    }
    await job.progress(done, due.length)
  }
