/**
 * @module
 * The HTTP shapes of the job routes.
 */
import { z } from '@hono/zod-openapi'
import { JOB_OUTCOMES, JOB_TRIGGERS } from './job-run-row.js'

/** A run as the API shows it. @example jsonResponse(z.array(jobRunSchema), 'Runs') */
export const jobRunSchema = z
  .object({
    id: z.string().openapi({ example: 'jrun_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    job: z.string().openapi({ example: 'points-membership:expire' }),
    trigger: z.enum(JOB_TRIGGERS),
    scheduledFor: z.string().openapi({ description: 'The schedule slot; for a manual run, the request time' }),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    outcome: z.enum(JOB_OUTCOMES),
    error: z.string().nullable(),
    progress: z.object({ done: z.int(), total: z.int().nullable() }).nullable(),
    runner: z.string(),
  })
  .openapi('JobRun')

/** A job as the API shows it. @example jsonResponse(jobSchema, 'The job') */
export const jobSchema = z
  .object({
    job: z.string().openapi({ example: 'points-membership:expire', description: '`<plugin>:<name>`' }),
    plugin: z.string(),
    name: z.string(),
    cron: z.string().openapi({ example: '0 3 * * *', description: 'croner pattern, UTC' }),
    nextRunAt: z.string().nullable(),
    running: z.boolean(),
    lastRun: jobRunSchema.nullable(),
  })
  .openapi('Job')

/** `GET /api/v1/jobs` response. @example responses: { 200: jsonResponse(jobList, 'Jobs') } */
export const jobList = z.object({ items: z.array(jobSchema) }).openapi('JobList')

/** The `{job}` path parameter: `<plugin>:<name>`, URL-encoded or not. @example request: { params: jobParams } */
export const jobParams = z.object({ job: z.string().min(1).max(200).openapi({ example: 'points-membership:expire' }) })

/** `GET /api/v1/jobs/{job}/runs` query. @example request: { params: jobParams, query: jobRunsQuery } */
export const jobRunsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) })
