/**
 * @module
 * The plugins' scheduled jobs over the demo's two years, each run as of a past time so expiry,
 * reminders, SLA escalation and rescoring happen on (about) their historical dates. Coarser than
 * core's exact replay (`runJobsThrough`, every slot of every job, which an import uses): every slot
 * of two years is over a million runs (SLA escalation runs every minute), far from the 20 s a first
 * start may take. So jobs scheduled within the day run once a day, at the end of the Shanghai
 * working day; daily jobs at their own time of day, every day or (those whose result only matters
 * as of today, and the population re-evaluations) every {@link CADENCE_DAYS} days. The server runs
 * every job once more, as of now, when seeding ends.
 */
import { actingAs, atBusinessTime, systemActor, type CoreServices } from '@rapport/core'
import { DAY_MS, HOUR_MS } from './demo-time.js'

/** When jobs scheduled more than once a day run: 18:00 in Shanghai, once a day. */
const SUB_DAILY_AT_MS = 10 * HOUR_MS
/**
 * Days between two runs, for jobs not run daily. Measured on a 100-customer demo, per run: tiering
 * and churn re-evaluations 36 and 54 ms (growing with the population), the expiring-soon refresh
 * and reminder 4 and 6 ms; the reminder looks 14 days ahead, so a weekly run misses none.
 */
export const CADENCE_DAYS: Record<string, number> = {
  'tiering:reevaluate': 30, 'churn-risk:nightly-rescore': 30,
  'points-membership:refresh-expiring-soon': 7, 'points-membership:notify-expiring': 7,
}

type Planned = { key: string; run: (asOf: string) => Promise<unknown>; next: number; every: number }

export type DemoJobReplay = {
  /** Runs every job due up to and including `to` (epoch ms), in time order, each as of its time. */
  through(to: number): Promise<void>
  /** Runs and milliseconds spent, per job, and failures (a failed run is logged and the replay goes on, as the scheduler does). */
  summary: { runs: Record<string, number>; ms: Record<string, number>; failures: number }
}

/** @example const jobs = demoJobReplay(services, start); await jobs.through(Date.parse(step.at)) */
export function demoJobReplay(s: CoreServices, from: number): DemoJobReplay {
  const summary = { runs: {} as Record<string, number>, ms: {} as Record<string, number>, failures: 0 }
  const planned: Planned[] = s.runtime.active().flatMap((plugin) => plugin.jobs.map((job) => {
    const key = `${job.plugin}:${job.name}`
    const daily = dailyTime(job.cron)
    const every = (CADENCE_DAYS[key] ?? 1) * DAY_MS
    const first = Math.floor(from / DAY_MS) * DAY_MS + (daily ?? SUB_DAILY_AT_MS)
    const run = (asOf: string) => actingAs(systemActor(`job:${key}`), () => atBusinessTime(asOf, () => job.run({ runId: `demo-${key}-${asOf}`, asOf, signal: new AbortController().signal, progress: async () => {} } as Parameters<typeof job.run>[0])))
    return { key, run, next: first > from ? first : first + every, every }
  }))
  return {
    summary,
    async through(to) {
      for (;;) {
        const due = planned.reduce<Planned | undefined>((best, p) => (p.next <= to && (!best || p.next < best.next) ? p : best), undefined)
        if (!due) return
        const asOf = new Date(due.next).toISOString()
        due.next += due.every
        summary.runs[due.key] = (summary.runs[due.key] ?? 0) + 1
        const began = performance.now()
        try {
          await due.run(asOf)
        } catch (err) {
          summary.failures++
          s.log.warn({ job: due.key, asOf, err }, 'a replayed demo job failed')
        }
        summary.ms[due.key] = (summary.ms[due.key] ?? 0) + performance.now() - began
      }
    },
  }
}

/** Milliseconds after midnight UTC of a `m h * * *` schedule, or null for anything else. */
function dailyTime(cron: string): number | null {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim())
  return m ? Number(m[2]) * HOUR_MS + Number(m[1]) * 60_000 : null
}
