/**
 * @module
 * The active plugins' jobs as the admin sees them: schedule, next run, whether one is in
 * progress, and the last run.
 */
import type { CoreServices } from '../services.js'
import { activeJobs } from './find-job.js'
import { jobKey, type JobRunView } from './job-run-row.js'
import { lastJobRuns } from './job-run-store.js'
import { nextRunAt } from './next-run-at.js'

/** One job in the list. */
export type JobView = {
  job: string
  plugin: string
  name: string
  cron: string
  /** Null when the pattern never fires again, or is invalid. */
  nextRunAt: string | null
  /** True while a run holds the job's lock (in any process). */
  running: boolean
  lastRun: JobRunView | null
}

const LOCKED = 'SELECT job FROM core_job_locks WHERE expires_at >= ?'

/**
 * Every active job, in boot order.
 * @example const { items } = await listJobs(s)
 */
export async function listJobs(s: CoreServices): Promise<{ items: JobView[] }> {
  const now = s.now()
  const [last, locked] = await Promise.all([lastJobRuns(s.db), s.db.all<{ job: string }>(LOCKED, [now.toISOString()])])
  const held = new Set(locked.map((row) => row.job))
  const items = activeJobs(s.runtime).map((job) => {
    const key = jobKey(job)
    return { job: key, plugin: job.plugin, name: job.name, cron: job.cron, nextRunAt: nextRunAt(job.cron, now), running: held.has(key), lastRun: last.get(key) ?? null }
  })
  return { items }
}
