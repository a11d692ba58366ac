/**
 * @module
 * The `invitations` job: creates the scheduled invitations that are due (one transaction each,
 * so one failure loses nothing else) and expires unfinished invitations past their time. It tells
 * the host when the next one is due, so replaying history skips the slots with nothing to do.
 */
import type { JobNextWork, JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { createScheduled, dueScheduled } from '../distribution/create-scheduled.js'
import { expireInvitations } from '../distribution/invitation-store.js'

const BATCH = 200
const NEXT_WORK = `SELECT (SELECT MIN(due_at) FROM satisfaction_scheduled WHERE state = 'pending') AS due,
  (SELECT MIN(expires_at) FROM satisfaction_invitations WHERE status IN ('created', 'opened', 'partial')) AS expires`

/** @example ctx.schedule('invitations', '*\/10 * * * *', invitationsJob(ctx)) */
export function invitationsJob(ctx: PluginContext<SurveyConfig>) {
  return async function runInvitations(job: JobRun): Promise<JobNextWork | undefined> {
    let done = 0
    for (;;) {
      const due = await dueScheduled(ctx.db, ctx.now().toISOString(), BATCH)
      for (const row of due) {
        if (job.signal.aborted) return undefined
        await ctx.db.tx((tx) => createScheduled(tx, ctx, row))
        done += 1
      }
      await job.progress(done)
      if (due.length < BATCH) break
    }
    const expired = await ctx.db.tx((tx) => expireInvitations(tx, ctx.now().toISOString()))
    if (expired > 0) ctx.log.info({ expired }, 'expired survey invitations')
    const next = await ctx.db.get<{ due: string | null; expires: string | null }>(NEXT_WORK, [])
    const times = [next?.due, next?.expires].filter((at): at is string => typeof at === 'string').sort()
    return { nextWorkAt: times[0] ?? null }
  }
}
