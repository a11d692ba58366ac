/**
 * @module
 * The escalation job (every minute): escalates each open case whose stored warning time has
 * passed (at most 500 a run, earliest first), one transaction per case. It tells the host when
 * the next warning time falls, so replaying history skips the minutes with nothing to escalate.
 */
import type { JobNextWork, JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from '../config.js'
import { escalateCase } from './escalate-case.js'

const BATCH = 500

/** @example ctx.schedule('escalate-sla', '* * * * *', escalateSlaJob(ctx)) */
export const escalateSlaJob = (ctx: PluginContext<ComplaintsConfig>) =>
  async function escalateSla(run: JobRun): Promise<JobNextWork | undefined> {
    const now = ctx.now().toISOString()
    const due = await ctx.db.all<{ id: string }>(
      "SELECT id FROM complaints_cases WHERE sla_warn_at <= ? AND status NOT IN ('resolved', 'closed') ORDER BY sla_warn_at LIMIT ?",
      [now, BATCH])
    let done = 0
    for (const { id } of due) {
      if (run.signal.aborted) return
      await ctx.db.tx((tx) => escalateCase(tx, ctx, id))
      done += 1
      if (done % 50 === 0) await run.progress(done, due.length)
    }
    await run.progress(done, due.length)
    if (run.signal.aborted || due.length === BATCH) return undefined
    const next = await ctx.db.get<{ at: string | null }>("SELECT MIN(sla_warn_at) AS at FROM complaints_cases WHERE sla_warn_at > ? AND status NOT IN ('resolved', 'closed')", [now])
    return { nextWorkAt: next?.at ?? null }
  }
