/**
 * @module
 * The HTTP shapes of follow-up visits (回访), shared by the server and the admin pages.
 */
import { z } from '@rapport/plugin-sdk'

/** Where a visit stands: waiting for a call, done (reached), cancelled (the case reopened), or unreachable (tries used up, or a wrong number). */
export const visitStatuses = ['pending', 'done', 'cancelled', 'unreachable'] as const
/** How one call went. */
export const attemptOutcomes = ['reached', 'not_reached', 'wrong_number'] as const

/** One call of a visit. */
export const visitAttemptSchema = z.object({
  outcome: z.enum(attemptOutcomes), satisfied: z.boolean().nullable(), notes: z.string().nullable(), recordedBy: z.string(), at: z.string(),
}).openapi('ComplaintVisitAttempt')

/** A follow-up visit (回访) task and its outcome. `caseId` is null for a visit from a plan; `planId` names the plan. */
export const followUpSchema = z.object({
  id: z.string(), caseId: z.string().nullable(), customerId: z.string().nullable(), dueAt: z.string(), status: z.enum(visitStatuses),
  reached: z.boolean().nullable(), satisfied: z.boolean().nullable(), notes: z.string().nullable(), recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(), createdAt: z.string(), ownerId: z.string().nullable(), attempts: z.number(), planId: z.string().nullable(),
}).openapi('ComplaintFollowUp')

/** One visit with its calls and the call script for its category or plan, in both languages. */
export const followUpDetailSchema = followUpSchema.extend({
  attemptLog: z.array(visitAttemptSchema),
  category: z.string().nullable(),
  script: z.object({ 'zh-CN': z.string(), en: z.string() }),
}).openapi('ComplaintFollowUpDetail')

/** `GET /follow-ups`: `due=true` keeps pending visits due now, `due=today` those due by the end of the business day; `owner=me` the caller's. */
export const followUpQuery = z.object({
  status: z.enum(visitStatuses).optional(),
  due: z.enum(['true', 'false', 'today']).optional(),
  owner: z.string().min(1).max(100).optional(),
  planId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** `{id}` of a follow-up visit. */
export const followUpParams = z.object({ id: z.string().min(1).max(64) })

/** `POST /follow-ups/{id}/outcome`: a final outcome in one step (kept for callers of the first version; no retries). */
export const followUpOutcomeRequest = z.strictObject({
  reached: z.boolean(),
  satisfied: z.boolean().nullable().default(null),
  notes: z.string().trim().min(1).max(2_000).optional(),
}).openapi('ComplaintFollowUpOutcome')

/** `POST /follow-ups/{id}/attempts`: one call. `satisfied` is required when reached and refused otherwise. */
export const visitAttemptRequest = z.strictObject({
  outcome: z.enum(attemptOutcomes),
  satisfied: z.boolean().optional(),
  notes: z.string().trim().min(1).max(2_000).optional(),
}).openapi('ComplaintVisitAttemptRequest')

/** `POST /follow-ups`: a visit scheduled by hand, for a case or for a customer. */
export const followUpRequest = z.strictObject({
  caseId: z.string().min(1).max(64).optional(),
  customerId: z.string().min(1).max(64).optional(),
  dueAt: z.iso.datetime({ offset: true }),
  ownerId: z.string().min(1).max(100).optional(),
  notes: z.string().trim().min(1).max(2_000).optional(),
}).refine((r) => (r.caseId === undefined) !== (r.customerId === undefined), { message: 'a caseId or a customerId, not both', path: ['caseId'] }).openapi('ComplaintFollowUpRequest')

/** `PATCH /follow-ups/{id}`: reschedule a pending visit or give it to another owner (`null`: nobody). */
export const followUpUpdateRequest = z.strictObject({
  dueAt: z.iso.datetime({ offset: true }).optional(),
  ownerId: z.string().min(1).max(100).nullable().optional(),
}).openapi('ComplaintFollowUpUpdate')

/** A page of follow-up visits. */
export const followUpListSchema = z.object({ items: z.array(followUpSchema) }).openapi('ComplaintFollowUpList')
