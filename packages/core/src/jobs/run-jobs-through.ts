/**
 * @module
 * Replays the scheduled jobs over a stretch of history: every active job runs as of each of its
 * schedule slots in (from, to], all jobs' slots in time order (ties in boot order), each with
 * `ctx.now()` set to its slot. An import runs it between its events, so expiry, downgrades,
 * rescoring and due dates happen on the dates they would have happened on had the shop lived
 * through that history. A job that returns `{ nextWorkAt }` has its slots before that time skipped
 * until events are written (by the import, or by another job's run), so a job scheduled every
 * minute costs nothing over months without work. A run that appends no event leaves the other
 * jobs' hints standing: before, any run woke every idle job, so the SLA job (every minute) and the
 * survey invitations job (every ten) woke each other and both ran through all of an imported
 * history (issue 19: a 2,000-order import spent most of its CPU there).
 *
 * Replayed runs are not recorded in `core_job_runs` and take no job lock: an import replays
 * thousands of slots, and they are history, not runs of this process.
 */
import { Cron } from 'croner'
import { newId } from '../crypto/tokens.js'
import { actingAs, systemActor } from '../events/event-actor.js'
import { atBusinessTime } from '../events/event-clock.js'
import type { ScheduledJob } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { activeJobs } from './find-job.js'
import { jobKey } from './job-run-row.js'

/** What {@link runJobsThrough} did. */
export type JobReplaySummary = {
  /** Slots run, per job (`<plugin>:<name>`). */
  runs: Record<string, number>
  /** Slots skipped because the job said it had no work before a later time. */
  skipped: number
  /** Runs that threw (the replay goes on, as the live scheduler does). */
  failures: Array<{ job: string; asOf: string; error: string }>
}

/** Options of {@link runJobsThrough} and {@link createJobReplay}. */
export type RunJobsThroughOptions = {
  /** Stops the replay between runs, and is handed to the jobs. */
  signal?: AbortSignal
}

/** A replay of the jobs' schedules that moves forward with an import, between its events. */
export type JobReplay = {
  /** The earliest slot of any job not replayed yet (epoch ms), or null when none. */
  nextSlot(): number | null
  /** Runs every slot up to and including `to`, in order, each as of its slot. */
  runThrough(to: Date | string | number): Promise<void>
  /** Says that events were written since the last call: a job's "no work before" no longer holds. */
  eventsWritten(): void
  readonly summary: JobReplaySummary
}

type Entry = { job: ScheduledJob; key: string; cron: Cron; next: number | null; idleUntil?: number | null }

/**
 * Runs every active job's schedule slots in (from, to], in order, each as of its slot.
 * @param s - the services (the runtime's active plugins and their jobs)
 * @param from - exclusive: slots at this time already ran (or belong to the previous call)
 * @param to - inclusive: the next event's time, or now at the end of an import
 * @returns runs per job, skipped slots and failures
 * @example
 * let at = firstEventTime
 * for (const event of events) { await runJobsThrough(s, at, event.occurredAt); await publish(event); at = event.occurredAt }
 * await runJobsThrough(s, at, s.now())
 */
export async function runJobsThrough(s: CoreServices, from: Date | string, to: Date | string, options: RunJobsThroughOptions = {}): Promise<JobReplaySummary> {
  const replay = createJobReplay(s, from, options)
  await replay.runThrough(to)
  return replay.summary
}

/**
 * A replay starting after `from`, for importers that write events between job slots: ask
 * `nextSlot()` before each event, and when it is at or before the event's time, write the events
 * held so far, call `eventsWritten()` and `runThrough(event time)`. It keeps each job's next slot
 * between calls, so an import pays for cron arithmetic only when it crosses a slot.
 * @example
 * const replay = createJobReplay(s, first.occurredAt)
 * for (const e of sorted) { if ((replay.nextSlot() ?? Infinity) <= Date.parse(e.occurredAt)) { await flush(); replay.eventsWritten(); await replay.runThrough(e.occurredAt) } held.push(e) }
 */
export function createJobReplay(s: CoreServices, from: Date | string | number, { signal }: RunJobsThroughOptions = {}): JobReplay {
  let through = new Date(from).getTime()
  const summary: JobReplaySummary = { runs: {}, skipped: 0, failures: [] }
  const entries: Entry[] = []
  for (const job of activeJobs(s.runtime)) {
    const cron = cronOf(job.cron)
    if (cron) entries.push({ job, key: jobKey(job), cron, next: slotAfter(cron, through) })
  }
  const jobSignal = signal ?? new AbortController().signal
  return {
    summary,
    nextSlot: () => earliest(entries)?.next ?? null,
    eventsWritten() {
      wake(entries, through)
    },
    async runThrough(to) {
      const end = new Date(to).getTime()
      for (;;) {
        signal?.throwIfAborted()
        const entry = earliest(entries)
        if (!entry || (entry.next as number) > end) break
        const at = entry.next as number
        if (entry.idleUntil !== undefined && (entry.idleUntil === null || at < entry.idleUntil)) {
          // Sleep until its own hint: events written meanwhile wake it (eventsWritten, or a run below).
          summary.skipped += 1
          entry.next = entry.idleUntil === null ? null : slotAfter(entry.cron, Math.max(at, entry.idleUntil - 1))
          continue
        }
        const seqBefore = await lastEventSeq(s)
        const value = await runAsOf(s, entry, new Date(at), jobSignal, summary)
        if ((await lastEventSeq(s)) !== seqBefore) wake(entries, at, entry)
        const hint = nextWorkOf(value)
        if (hint === undefined) delete entry.idleUntil
        else entry.idleUntil = hint
        entry.next = slotAfter(entry.cron, at)
      }
      through = Math.max(through, end)
    },
  }
}

/** Idle jobs may have work once events were written: back to their first slot after `after`. */
function wake(entries: readonly Entry[], after: number, except?: Entry): void {
  for (const e of entries) {
    if (e === except || e.idleUntil === undefined) continue
    delete e.idleUntil
    e.next = slotAfter(e.cron, after)
  }
}

/** The event log's last seq: a run that leaves it unchanged appended no event. */
async function lastEventSeq(s: CoreServices): Promise<number> {
  return Number((await s.db.get<{ seq: number | null }>(LAST_SEQ))?.seq ?? 0)
}

const LAST_SEQ = 'SELECT MAX(seq) AS seq FROM core_events'

async function runAsOf(s: CoreServices, entry: Entry, asOf: Date, signal: AbortSignal, summary: JobReplaySummary): Promise<unknown> {
  summary.runs[entry.key] = (summary.runs[entry.key] ?? 0) + 1
  const handle = { runId: newId('jrun'), asOf: asOf.toISOString(), signal, progress: async () => {} }
  try {
    return await actingAs(systemActor(`job:${entry.key}`), () => atBusinessTime(asOf, () => entry.job.run(handle)))
  } catch (err) {
    const error = err instanceof Error ? err.message || err.name : 'The job threw a value that is not an Error'
    summary.failures.push({ job: entry.key, asOf: handle.asOf, error })
    s.log.warn({ job: entry.key, asOf: handle.asOf, error }, 'a replayed job run failed')
    return undefined
  }
}

/** The entry due first; ties go to the earlier job in boot order. */
function earliest(entries: readonly Entry[]): Entry | undefined {
  let best: Entry | undefined
  for (const e of entries) if (e.next !== null && (best === undefined || e.next < (best.next as number))) best = e
  return best
}

/** The first slot after `after`, as epoch ms. */
function slotAfter(cron: Cron, after: number): number | null {
  return cron.nextRun(new Date(after))?.getTime() ?? null
}

/** A job's next-work hint: a time (ms), null (none until something changes), or undefined (no hint). */
function nextWorkOf(value: unknown): number | null | undefined {
  if (typeof value !== 'object' || value === null || !('nextWorkAt' in value)) return undefined
  const at = (value as { nextWorkAt: unknown }).nextWorkAt
  if (at === null) return null
  const ms = typeof at === 'string' || at instanceof Date ? new Date(at).getTime() : Number.NaN
  return Number.isNaN(ms) ? undefined : ms
}

function cronOf(pattern: string): Cron | null {
  try {
    // UTC as an offset: the same slots as timezone 'UTC', computed about five times faster (no Intl).
    return new Cron(pattern, { utcOffset: 0 })
  } catch {
    return null
  }
}
