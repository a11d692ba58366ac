/**
 * @module
 * Writes and reads `core_job_runs`: a run's row, its progress, its outcome, and the history.
 */
import type { Queryable } from '@rapport/db'
import { toJobRun, type JobOutcome, type JobRunRow, type JobRunView, type JobTrigger } from './job-run-row.js'

/** How much of a failure's message is kept. */
export const MAX_JOB_ERROR_LENGTH = 1000

const INSERT = `INSERT INTO core_job_runs (id, job, "trigger", scheduled_for, started_at, outcome, runner)
  VALUES (?, ?, ?, ?, ?, 'running', ?) ON CONFLICT DO NOTHING`
const PROGRESS = 'UPDATE core_job_runs SET progress_done = ?, progress_total = COALESCE(?, progress_total) WHERE id = ?'
const FINISH = 'UPDATE core_job_runs SET outcome = ?, ended_at = ?, error = ? WHERE id = ?'
const RUNS = 'SELECT * FROM core_job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT ?'
const LAST_RUNS = `SELECT r.* FROM core_job_runs r
  WHERE r.id = (SELECT r2.id FROM core_job_runs r2 WHERE r2.job = r.job ORDER BY r2.started_at DESC, r2.id DESC LIMIT 1)`

/** A new run to record. */
export type NewJobRun = { id: string; job: string; trigger: JobTrigger; scheduledFor: string; startedAt: string; runner: string }

/**
 * Records a run as running; false when a run of the same job, trigger and slot exists (another
 * process took that slot).
 * @example if (await insertJobRun(db, { id, job, trigger: 'schedule', scheduledFor: slot, startedAt: now, runner })) run()
 */
export async function insertJobRun(db: Queryable, run: NewJobRun): Promise<boolean> {
  const { changes } = await db.run(INSERT, [run.id, run.job, run.trigger, run.scheduledFor, run.startedAt, run.runner])
  return changes === 1
}

/**
 * Records a manual run, keyed by its request time. The caller holds the job's lock, so only a
 * run requested in the same millisecond can collide: it takes the next free millisecond.
 * @example await insertManualJobRun(db, { id: runId, job, requestedAt: s.now(), runner })
 */
export async function insertManualJobRun(db: Queryable, { id, job, requestedAt, runner }: { id: string; job: string; requestedAt: Date; runner: string }): Promise<void> {
  const startedAt = requestedAt.toISOString()
  for (let at = requestedAt.getTime(); at <= requestedAt.getTime() + 1000; at += 1) {
    if (await insertJobRun(db, { id, job, trigger: 'manual', scheduledFor: new Date(at).toISOString(), startedAt, runner })) return
  }
  throw new Error(`Could not record a manual run of ${job}`)
}

/**
 * Records how far a run got. `total` is kept from before when omitted.
 * @example await recordJobProgress(db, runId, 40, 100)
 */
export async function recordJobProgress(db: Queryable, id: string, done: number, total?: number): Promise<void> {
  await db.run(PROGRESS, [wholeCount(done), total === undefined ? null : wholeCount(total), id])
}

/**
 * Records how a run ended, with the error message when it failed.
 * @example await finishJobRun(db, runId, 'failed', now, 'upstream timed out')
 */
export async function finishJobRun(db: Queryable, id: string, outcome: Exclude<JobOutcome, 'running'>, endedAt: Date, error?: string): Promise<void> {
  await db.run(FINISH, [outcome, endedAt.toISOString(), error === undefined ? null : error.slice(0, MAX_JOB_ERROR_LENGTH), id])
}

/**
 * A job's runs, newest first.
 * @example const runs = await listJobRuns(db, 'points-membership:expire', 20)
 */
export async function listJobRuns(db: Queryable, job: string, limit: number): Promise<JobRunView[]> {
  return (await db.all<JobRunRow>(RUNS, [job, limit])).map(toJobRun)
}

/**
 * The latest run of every job that ever ran, by job.
 * @example const last = (await lastJobRuns(db)).get('points-membership:expire')
 */
export async function lastJobRuns(db: Queryable): Promise<Map<string, JobRunView>> {
  return new Map((await db.all<JobRunRow>(LAST_RUNS)).map((row) => [row.job, toJobRun(row)]))
}

function wholeCount(value: number): number {
  if (!Number.isFinite(value)) throw new TypeError(`Job progress must be a finite number, got ${value}`)
  return Math.max(0, Math.trunc(value))
}
