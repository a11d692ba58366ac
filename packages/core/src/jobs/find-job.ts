/**
 * @module
 * Resolves a job name to the live job, if its plugin is active now.
 */
import type { PluginRuntime, ScheduledJob } from '../plugins/runtime.js'
import { jobKey } from './job-run-row.js'

/**
 * Every job of the active plugins, in boot order.
 * @example for (const job of activeJobs(s.runtime)) console.log(jobKey(job), job.cron)
 */
export function activeJobs(runtime: PluginRuntime): ScheduledJob[] {
  return runtime.active().flatMap((plugin) => plugin.jobs)
}

/**
 * The active job named `<plugin>:<name>`, or undefined.
 * @example const job = findJob(s.runtime, 'points-membership:expire')
 */
export function findJob(runtime: PluginRuntime, key: string): ScheduledJob | undefined {
  return activeJobs(runtime).find((job) => jobKey(job) === key)
}
