/**
 * @module
 * The daily refresh of `points.expiringSoon`: the field is mirrored at every ledger change, but
 * lots also move into the horizon as days pass. Only members with points expiring within the
 * horizon are touched (and unchanged values record nothing). Everything is counted as of the run's
 * time (`ctx.now()`, the slot it runs for), so a run as of T does what a run at T would.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { addDays } from '../ledger/ledger-deps.js'
import { lockMember } from '../ledger/member-store.js'
import { countSoon, mirrorProfile } from '../ledger/mirror-profile.js'

const DUE = 'SELECT DISTINCT customer_id FROM points_lots WHERE remaining > 0 AND expires_at > ? AND expires_at <= ? ORDER BY customer_id'

/** @example ctx.schedule('refresh-expiring-soon', '20 0 * * *', refreshExpiringSoon(ctx)) */
export const refreshExpiringSoon = (ctx: PluginContext<PointsConfig>) =>
  async function refreshExpiringSoonJob(job: JobRun): Promise<void> {
    const now = ctx.now().toISOString()
    const due = await ctx.db.all<{ customer_id: string }>(DUE, [now, addDays(now, ctx.config.expiringSoonDays)])
    let done = 0
    for (const { customer_id: customerId } of due) {
      if (job.signal.aborted) return
      await ctx.db.tx(async (tx) => {
        const member = await lockMember(tx, ctx, customerId)
        if (member) await mirrorProfile(tx, ctx, member, { id: 'expiring-soon' }, await countSoon(tx, ctx, customerId, now))
      })
      done += 1
      if (done % 100 === 0) await job.progress(done, due.length)
    }
    await job.progress(done, due.length)
  }
