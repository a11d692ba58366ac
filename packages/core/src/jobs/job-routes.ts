/**
 * @module
 * `GET /api/v1/jobs`, `GET /api/v1/jobs/{job}/runs` and `POST /api/v1/jobs/{job}/run`: what is
 * scheduled, what ran, and a run on demand. `{job}` is `<plugin>:<name>` (`:` may be URL-encoded).
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { jobErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { createScheduler } from './create-scheduler.js'
import { findJob } from './find-job.js'
import { listJobRuns } from './job-run-store.js'
import { jobList, jobParams, jobRunSchema, jobRunsQuery } from './job-schemas.js'
import { listJobs } from './list-jobs.js'
import { registeredScheduler } from './scheduler-registry.js'

/** Job routes, for admins. Manual runs go to the scheduler created for `s` (one is made if none was). @example const routes = [...jobRoutes(s)] */
export function jobRoutes(s: CoreServices) {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/jobs', access: policies.admins, tags: ['jobs'], summary: 'List the active plugins\' jobs with their next and last run',
      responses: { 200: jsonResponse(jobList, 'Jobs'), ...commonErrors },
    },
    async (c) => c.json(await listJobs(s), 200),
  )

  const runs = defineRoute(
    {
      method: 'get', path: '/api/v1/jobs/{job}/runs', access: policies.admins, tags: ['jobs'], summary: 'A job\'s runs, newest first',
      request: { params: jobParams, query: jobRunsQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(jobRunSchema) }), 'Runs'), 404: jsonResponse(errorBody, 'No such job and no runs of it'), ...commonErrors },
    },
    async (c) => {
      const { job } = c.req.valid('param')
      const items = await listJobRuns(s.db, job, c.req.valid('query').limit)
      if (items.length === 0 && !findJob(s.runtime, job)) throw jobErrors.NOT_FOUND({ job })
      return c.json({ items }, 200)
    },
  )

  const run = defineRoute(
    {
      method: 'post', path: '/api/v1/jobs/{job}/run', access: policies.admins, tags: ['jobs'], summary: 'Run a job now',
      description: 'Starts a run and answers at once; follow it in the job\'s runs.',
      request: { params: jobParams },
      responses: {
        202: jsonResponse(z.object({ runId: z.string() }), 'Started'),
        404: jsonResponse(errorBody, 'No active job by that name'),
        409: jsonResponse(errorBody, 'A run of this job is in progress'),
        ...commonErrors,
      },
    },
    async (c) => {
      const { job } = c.req.valid('param')
      const scheduler = registeredScheduler(s) ?? createScheduler(s)
      const { runId } = await scheduler.trigger(job, 'manual')
      await recordAudit(s.db, s.now(), { caller: c.get('caller'), action: 'job.triggered', targetType: 'job', targetId: job, details: { runId }, requestId: c.get('requestId') })
      return c.json({ runId }, 202)
    },
  )

  return [list, runs, run]
}
