/**
 * @module
 * The HTTP shapes of complaint-tracking, shared by the server and (later) the admin pages.
 */
import { z } from '@rapport/plugin-sdk'

/** Where a complaint came in. */
export const channels = ['phone', 'email', 'store', 'web', 'wechat', 'other'] as const
/** How urgent a case is. */
export const priorities = ['low', 'normal', 'high', 'urgent'] as const
/** The workflow's states. */
export const statuses = ['new', 'open', 'pending_customer', 'pending_third_party', 'resolved', 'closed'] as const
/** A case's status. */
export type CaseStatus = (typeof statuses)[number]

/** `POST /cases`. A customer through a link may only file for themselves; the channel defaults to `web`. */
export const caseRequest = z.strictObject({
  customerId: z.string().min(1).max(64),
  channel: z.enum(channels).default('web'),
  category: z.string().min(1).max(100),
  priority: z.enum(priorities).default('normal'),
  description: z.string().trim().min(1).max(5_000),
  orderRef: z.string().min(1).max(100).optional(),
}).openapi('ComplaintCaseRequest')

/** `GET /cases` filters; `cursor` is the `nextCursor` of the previous page. */
export const caseQuery = z.object({
  status: z.enum(statuses).optional(),
  assignee: z.string().min(1).max(100).optional(),
  customerId: z.string().min(1).max(64).optional(),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

/** `{id}` path parameter. */
export const caseParams = z.object({ id: z.string().min(1).max(64) })

/** `POST /cases/{id}/transitions`. */
export const transitionRequest = z.strictObject({
  to: z.enum(statuses),
  reason: z.string().trim().min(1).max(1_000).optional(),
  resolutionCode: z.string().trim().min(1).max(60).optional(),
  summary: z.string().trim().min(1).max(2_000).optional(),
}).openapi('ComplaintTransitionRequest')

/** `POST /cases/{id}/messages`. */
export const messageRequest = z.strictObject({
  body: z.string().trim().min(1).max(5_000),
  visibility: z.enum(['customer', 'internal']),
}).openapi('ComplaintMessageRequest')

/** `POST /cases/{id}/assignment`; `null` unassigns. */
export const assignmentRequest = z.strictObject({ assigneeId: z.string().min(1).max(100).nullable() }).openapi('ComplaintAssignmentRequest')

/** A case's summary, as lists show it. */
export const caseSchema = z.object({
  id: z.string(), customerId: z.string(), status: z.enum(statuses), channel: z.enum(channels), category: z.string(),
  priority: z.enum(priorities), description: z.string(), orderRef: z.string().nullable(), assigneeId: z.string().nullable(),
  resolutionCode: z.string().nullable(), resolutionSummary: z.string().nullable(), createdBy: z.string(),
  createdAt: z.string(), updatedAt: z.string(), resolvedAt: z.string().nullable(),
}).openapi('ComplaintCase')

/** One reply or internal note. */
export const messageSchema = z.object({
  id: z.string(), visibility: z.enum(['customer', 'internal']), body: z.string(), author: z.string(), createdAt: z.string(),
}).openapi('ComplaintMessage')

/** One history entry: who did what, when. */
export const historySchema = z.object({
  action: z.enum(['created', 'transition', 'assigned', 'message']), actor: z.string(), fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(), details: z.record(z.string(), z.unknown()), at: z.string(),
}).openapi('ComplaintHistoryEntry')

/** A case with its messages and history (internal entries only for staff). */
export const caseDetailSchema = caseSchema.extend({
  allowedTransitions: z.array(z.enum(statuses)), messages: z.array(messageSchema), history: z.array(historySchema),
}).openapi('ComplaintCaseDetail')

/** A page of cases. */
export const casePageSchema = z.object({ items: z.array(caseSchema), nextCursor: z.string().nullable() }).openapi('ComplaintCasePage')
