/**
 * @module
 * Scheduled plugin jobs: the scheduler, its routes and the run history.
 */
export { createScheduler, type Scheduler, type SchedulerOptions, type JobRunResult } from './create-scheduler.js'
export { jobRoutes } from './job-routes.js'
export { createJobReplay, runJobsThrough, type JobReplay, type JobReplaySummary, type RunJobsThroughOptions } from './run-jobs-through.js'
export { listJobs, type JobView } from './list-jobs.js'
export { listJobRuns } from './job-run-store.js'
export { nextRunAt } from './next-run-at.js'
export { jobKey, JOB_OUTCOMES, JOB_TRIGGERS, type JobOutcome, type JobTrigger, type JobRunView } from './job-run-row.js'
