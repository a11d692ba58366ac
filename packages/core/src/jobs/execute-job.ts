/**
 * @module
 * Runs one job run that already holds its lock: renews the lock while the job works, hands it
 * `progress` and an abort signal, records the outcome and releases the lock. Never rejects.
 */
import type { Logger } from 'pino'
import { RapportError } from '../errors/index.js'
import { actingAs, systemActor } from '../events/event-actor.js'
import { atBusinessTime } from '../events/event-clock.js'
import type { ScheduledJob } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { releaseJobLock, renewJobLock } from './job-lock.js'
import type { JobOutcome } from './job-run-row.js'
import { finishJobRun, recordJobProgress } from './job-run-store.js'

/** What {@link executeJob} needs besides the job. */
export type ExecuteJobOptions = {
  runId: string
  /** `<plugin>:<name>` */
  key: string
  /** How long the lock lasts without renewal; it is renewed every third of that. */
  lockMs: number
  /** Aborted by the scheduler on stop; aborted here when the lock is lost. */
  controller: AbortController
  log: Logger
  /** The time the run is for: `ctx.now()` and `job.asOf` while it runs. */
  asOf: Date
  /** Receives what the job returned, when it succeeded (a replay reads its next-work hint). */
  onReturn?: (value: unknown) => void
}

/**
 * Runs the job and records how it ended: `succeeded`, `failed` (with the error message), or
 * `abandoned` when it threw after being aborted (scheduler stopped, lock lost).
 * @param s - the services
 * @param job - the live job
 * @param options - run id, lock duration, abort controller
 * @returns the recorded outcome
 * @example const outcome = await executeJob(s, job, { runId, key, lockMs: 60_000, controller: new AbortController(), log, asOf: slot })
 */
export async function executeJob(s: CoreServices, job: ScheduledJob, { runId, key, lockMs, controller, log, asOf, onReturn }: ExecuteJobOptions): Promise<Exclude<JobOutcome, 'running'>> {
  const context = { job: key, plugin: job.plugin, runId }
  const renewal = setInterval(() => {
    renewJobLock(s.db, key, runId, new Date(s.now().getTime() + lockMs))
      .then((held) => { if (!held) controller.abort(new Error('The job lost its lock to another runner')) })
      .catch((err: unknown) => log.error({ ...context, err }, 'could not renew a job lock'))
  }, Math.max(10, Math.floor(lockMs / 3)))
  renewal.unref()

  let outcome: Exclude<JobOutcome, 'running'> = 'succeeded'
  let error: string | undefined
  try {
    // Events the job emits are the job's (`job:<plugin>:<name>`), also when an admin triggered the run.
    // …and it runs as of its slot: its due dates are the slot's, also when the slot is replayed long after.
    const handle = { runId, asOf: asOf.toISOString(), signal: controller.signal, progress: (done: number, total?: number) => recordJobProgress(s.db, runId, done, total) }
    const value = await actingAs(systemActor(`job:${key}`), () => atBusinessTime(asOf, () => job.run(handle)))
    onReturn?.(value)
  } catch (err) {
    outcome = controller.signal.aborted ? 'abandoned' : 'failed'
    error = controller.signal.aborted ? `Stopped: ${messageOf(controller.signal.reason)}` : messageOf(err)
    log.warn({ ...context, outcome, error }, 'job run did not succeed')
  } finally {
    clearInterval(renewal)
  }
  try {
    await finishJobRun(s.db, runId, outcome, s.now(), error)
    await releaseJobLock(s.db, key, runId)
  } catch (err) {
    log.error({ ...context, err }, 'could not record the end of a job run; its lock will expire')
  }
  return outcome
}

/** The error's code and message, never its other properties (they may hold personal data). */
function messageOf(err: unknown): string {
  if (err instanceof RapportError) return `${err.code}: ${err.message}`
  if (err instanceof Error) return err.message || err.name
  return 'The job threw a value that is not an Error'
}
