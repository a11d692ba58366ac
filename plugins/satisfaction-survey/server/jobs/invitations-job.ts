/**
 * @module
 * The `invitations` job: creates the scheduled invitations that are due (one transaction each,
 * so one failure loses nothing else) and expires unfinished invitations past their time.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { createScheduled, dueScheduled } from '../distribution/create-scheduled.js'
import { expireInvitations } from '../distribution/invitation-store.js'

const BATCH = 200

/** @example ctx.schedule('invitations', '*\/10 * * * *', invitationsJob(ctx)) */
export function invitationsJob(ctx: PluginContext<SurveyConfig>) {
  return async function runInvitations(job: JobRun): Promise<void> {
    let done = 0
    for (;;) {
      const due = await dueScheduled(ctx.db, ctx.now().toISOString(), BATCH)
      for (const row of due) {
        if (job.signal.aborted) return
        await ctx.db.tx((tx) => createScheduled(tx, ctx, row))
        done += 1
      }
      await job.progress(done)
      if (due.length < BATCH) break
    }
    const expired = await ctx.db.tx((tx) => expireInvitations(tx, ctx.now().toISOString()))
    if (expired > 0) ctx.log.info({ expired }, 'expired survey invitations')
  }
}
