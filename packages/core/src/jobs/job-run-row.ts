/**
 * @module
 * What a job run is, as stored in `core_job_runs` and as the API shows it.
 */

/** How a run ended; `running` until it does. `abandoned`: its runner stopped, or it was skipped because a run was in progress. */
export const JOB_OUTCOMES = ['running', 'succeeded', 'failed', 'abandoned'] as const
export type JobOutcome = (typeof JOB_OUTCOMES)[number]

/** What started a run. */
export const JOB_TRIGGERS = ['schedule', 'manual'] as const
export type JobTrigger = (typeof JOB_TRIGGERS)[number]

/** One run of a job. */
export type JobRunView = {
  id: string
  /** `<plugin>:<name>` */
  job: string
  trigger: JobTrigger
  /** The schedule slot; for a manual run, the request time. */
  scheduledFor: string
  startedAt: string
  endedAt: string | null
  outcome: JobOutcome
  error: string | null
  progress: { done: number; total: number | null } | null
  runner: string
}

/** A `core_job_runs` row. */
export type JobRunRow = {
  id: string; job: string; trigger: JobTrigger; scheduled_for: string; started_at: string; ended_at: string | null; outcome: JobOutcome
  error: string | null; progress_done: number | null; progress_total: number | null; runner: string
}

/** Maps a row. @example rows.map(toJobRun) */
export const toJobRun = (r: JobRunRow): JobRunView => ({
  id: r.id, job: r.job, trigger: r.trigger, scheduledFor: r.scheduled_for, startedAt: r.started_at, endedAt: r.ended_at, outcome: r.outcome, error: r.error,
  progress: r.progress_done === null ? null : { done: Number(r.progress_done), total: r.progress_total === null ? null : Number(r.progress_total) },
  runner: r.runner,
})

/**
 * A job's name across the installation: `<plugin>:<name>`.
 * @example jobKey({ plugin: 'points-membership', name: 'expire' }) // 'points-membership:expire'
 */
export const jobKey = (job: { plugin: string; name: string }): string => `${job.plugin}:${job.name}`
