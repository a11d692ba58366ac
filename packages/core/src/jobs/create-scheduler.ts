/**
 * @module
 * The job scheduler: one croner `Cron` (UTC) per active plugin job, and the rules that make a
 * job run once across several processes on one database. A tick records the run of its slot
 * (unique per job and slot: only the process whose insert wins runs it), then takes the job's
 * lock (at most one run in progress), runs it, records the outcome and releases the lock.
 */
import { hostname } from 'node:os'
import { Cron } from 'croner'
import { newId, randomToken } from '../crypto/tokens.js'
import { jobErrors } from '../errors/index.js'
import type { ScheduledJob } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { executeJob } from './execute-job.js'
import { activeJobs, findJob } from './find-job.js'
import { acquireJobLock, releaseJobLock } from './job-lock.js'
import { jobKey, type JobOutcome } from './job-run-row.js'
import { finishJobRun, insertJobRun, insertManualJobRun } from './job-run-store.js'
import { registerScheduler, unregisterScheduler } from './scheduler-registry.js'

/** Options of {@link createScheduler}. */
export type SchedulerOptions = {
  /** Names this process in run rows and logs; unique per process by default. */
  runnerId?: string
  /** How long a job lock lasts without renewal; a crashed runner's job can run again after it. */
  lockMs?: number
  /** How long `stop()` waits for aborted runs before recording them abandoned. */
  stopTimeoutMs?: number
}

/** How a run this scheduler started ended. */
export type JobRunResult = { runId: string; outcome: Exclude<JobOutcome, 'running'> }

/** A scheduler for the active plugins' jobs. */
export type Scheduler = {
  /** (Re)creates one Cron per active job, stopping those gone or changed. Call after boot and on every runtime change. */
  sync(): void
  /**
   * Starts a run now, without waiting for it to end.
   * @throws JOB_NOT_FOUND (404) for a job no active plugin has; JOB_ALREADY_RUNNING (409) while a run holds its lock
   */
  trigger(job: string, trigger?: 'manual'): Promise<{ runId: string }>
  /**
   * Does what the tick of `slot` does, and waits for the run: null when this slot was already
   * taken (by this or another process). For tests and catch-up.
   * @throws JOB_NOT_FOUND (404)
   */
  runDue(job: string, slot: Date | string): Promise<JobRunResult | null>
  /** Waits until no run started here is in progress. */
  drain(): Promise<void>
  /** Stops every Cron, aborts the runs in progress and waits for them (at most `stopTimeoutMs`). */
  stop(): Promise<void>
}

type Running = { key: string; controller: AbortController; done: Promise<JobRunResult['outcome']> }

/**
 * Creates a scheduler and makes it the one the job routes use for `s`. Nothing is scheduled
 * until {@link Scheduler.sync}.
 * @param s - the services (database, clock, logger, live plugins)
 * @param options - runner id, lock duration
 * @example
 * const scheduler = createScheduler(services)
 * scheduler.sync()
 * host.onChange(() => scheduler.sync())
 * process.on('SIGTERM', () => void scheduler.stop())
 */
export function createScheduler(
  s: CoreServices,
  { runnerId = `${hostname()}:${process.pid}:${randomToken(4)}`, lockMs = 60_000, stopTimeoutMs = 10_000 }: SchedulerOptions = {},
): Scheduler {
  const log = s.log.child({ component: 'scheduler', runnerId })
  const crons = new Map<string, { pattern: string; cron: Cron }>()
  const running = new Map<string, Running>()
  let stopped = false

  function begin(job: ScheduledJob, key: string, runId: string, asOf: Date): Promise<JobRunResult['outcome']> {
    const controller = new AbortController()
    const done = executeJob(s, job, { runId, key, lockMs, controller, log, asOf })
    running.set(runId, { key, controller, done })
    void done.finally(() => running.delete(runId))
    return done
  }

  async function runSlot(job: ScheduledJob, key: string, slot: Date): Promise<JobRunResult | null> {
    const runId = newId('jrun')
    const now = s.now()
    const row = { id: runId, job: key, trigger: 'schedule' as const, scheduledFor: slot.toISOString(), startedAt: now.toISOString(), runner: runnerId }
    if (!(await insertJobRun(s.db, row))) return null
    if (!(await acquireJobLock(s.db, key, runId, now, new Date(now.getTime() + lockMs)))) {
      await finishJobRun(s.db, runId, 'abandoned', now, 'Skipped: another run of this job was in progress')
      log.info({ job: key, runId, slot: row.scheduledFor }, 'job slot skipped: a run is in progress')
      return { runId, outcome: 'abandoned' }
    }
    // As of the slot, not of the moment the tick fired: the slot is what the run is for.
    return { runId, outcome: await begin(job, key, runId, slot) }
  }

  function tick(key: string): void {
    const entry = crons.get(key)
    const job = findJob(s.runtime, key)
    if (!entry || !job || stopped) return
    // The slot is the latest time the pattern fired, so every process names the same one.
    const now = s.now()
    const slot = entry.cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? now
    runSlot(job, key, slot).catch((err: unknown) => log.error({ job: key, err }, 'a scheduled job tick failed'))
  }

  const scheduler: Scheduler = {
    sync() {
      if (stopped) return
      const wanted = new Map(activeJobs(s.runtime).map((job) => [jobKey(job), job.cron]))
      for (const [key, entry] of crons) {
        if (wanted.get(key) === entry.pattern) continue
        entry.cron.stop()
        crons.delete(key)
      }
      for (const [key, pattern] of wanted) {
        if (crons.has(key)) continue
        try {
          crons.set(key, { pattern, cron: new Cron(pattern, { timezone: 'UTC', unref: true, catch: true }, () => tick(key)) })
        } catch (err) {
          log.error({ job: key, cron: pattern, error: err instanceof Error ? err.message : String(err) }, 'invalid cron pattern: the job is not scheduled')
        }
      }
    },

    async trigger(key) {
      if (stopped) throw new TypeError('The scheduler is stopped')
      const job = findJob(s.runtime, key)
      if (!job) throw jobErrors.NOT_FOUND({ job: key })
      const runId = newId('jrun')
      const now = s.now()
      if (!(await acquireJobLock(s.db, key, runId, now, new Date(now.getTime() + lockMs)))) throw jobErrors.ALREADY_RUNNING({ job: key })
      try {
        await insertManualJobRun(s.db, { id: runId, job: key, requestedAt: now, runner: runnerId })
      } catch (err) {
        await releaseJobLock(s.db, key, runId)
        throw err
      }
      void begin(job, key, runId, now)
      return { runId }
    },

    async runDue(key, slot) {
      if (stopped) throw new TypeError('The scheduler is stopped')
      const job = findJob(s.runtime, key)
      if (!job) throw jobErrors.NOT_FOUND({ job: key })
      return runSlot(job, key, new Date(slot))
    },

    async drain() {
      while (running.size > 0) await Promise.allSettled([...running.values()].map((run) => run.done))
    },

    async stop() {
      if (stopped) return
      stopped = true
      unregisterScheduler(s, scheduler)
      for (const { cron } of crons.values()) cron.stop()
      crons.clear()
      const runs = [...running.entries()]
      for (const [, run] of runs) run.controller.abort(new Error('The scheduler stopped'))
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, stopTimeoutMs) })
      await Promise.race([Promise.allSettled(runs.map(([, run]) => run.done)), timeout])
      clearTimeout(timer)
      for (const [runId, run] of running) {
        log.warn({ job: run.key, runId }, 'job did not stop in time; recorded abandoned')
        await finishJobRun(s.db, runId, 'abandoned', s.now(), 'Stopped: the process shut down while it ran').catch(() => undefined)
        await releaseJobLock(s.db, run.key, runId).catch(() => undefined)
      }
    },
  }
  registerScheduler(s, scheduler)
  return scheduler
}
