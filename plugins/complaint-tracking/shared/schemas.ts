/**
 * @module
 * The HTTP shapes of complaint-tracking, shared by the server and the admin pages (types only there: see vocabulary.ts).
 */
import { z } from '@rapport/plugin-sdk'

import { channels, priorities, staffChannels, statuses } from './vocabulary.js'
import { followUpSchema } from './visit-schemas.js'

export { channels, priorities, staffChannels, statuses, type CaseStatus } from './vocabulary.js'
export * from './visit-schemas.js'
export * from './agent-schemas.js'

/** Custom field values given when filing (config `customFields` of the category; checked like an edit's). */
const filingFields = z.record(z.string().max(40), z.union([z.string().max(500), z.number()])).optional()

/** `POST /cases`: staff (or an API key) record a case for a customer; the channel defaults to `web`. */
export const caseRequest = z.strictObject({
  customerId: z.string().min(1).max(64),
  channel: z.enum(staffChannels).default('web'),
  category: z.string().min(1).max(100),
  priority: z.enum(priorities).default('normal'),
  description: z.string().trim().min(1).max(5_000),
  orderRef: z.string().min(1).max(100).optional(),
  fields: filingFields,
}).openapi('ComplaintCaseRequest')

/**
 * `POST /me/cases`: what a customer files through their own link, in their own words only. The
 * customer is the link's, the server sets the channel (`link`) and the priority (the default):
 * any other key (`customerId`, `channel`, `priority`, …) is refused with 400 naming it.
 */
export const customerCaseRequest = z.strictObject({
  category: z.string().min(1).max(100),
  description: z.string().trim().min(1).max(5_000),
  orderRef: z.string().min(1).max(100).optional(),
  fields: filingFields,
}).openapi('ComplaintCustomerCaseRequest')

/** `POST /me/cases/{id}/messages`: a customer's reply (always visible to the customer; no `visibility`). */
export const customerReplyRequest = z.strictObject({ body: z.string().trim().min(1).max(5_000) }).openapi('ComplaintCustomerReplyRequest')

/** SLA states. */
export const slaStates = ['ok', 'warning', 'breached'] as const

/** `GET /cases` filters; `cursor` is the `nextCursor` of the previous page; `sla` filters on the worst target now. */
export const caseQuery = z.object({
  status: z.enum(statuses).optional(),
  sla: z.enum(slaStates).optional(),
  priority: z.enum(priorities).optional(),
  /** A category id; its sub-categories (`<id>.…`) are included. */
  category: z.string().min(1).max(100).optional(),
  channel: z.enum(channels).optional(),
  /** A user id, a team (`team:<name>`), or `me`: the caller's queue. */
  assignee: z.string().min(1).max(100).optional(),
  customerId: z.string().min(1).max(64).optional(),
  /** A readable case number, `CT-2026-000123`. */
  number: z.string().regex(/^CT-\d{4}-\d{6,}$/).optional(),
  /** Cases carrying this tag. */
  tag: z.string().min(1).max(40).optional(),
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
  /** Goodwill points granted with the resolution (credited by points-membership when it listens). */
  goodwillPoints: z.number().int().min(1).max(1_000_000).optional(),
}).openapi('ComplaintTransitionRequest')

/** `POST /cases/{id}/messages`. */
export const messageRequest = z.strictObject({
  body: z.string().trim().min(1).max(5_000),
  visibility: z.enum(['customer', 'internal']),
}).openapi('ComplaintMessageRequest')

/** `POST /cases/{id}/assignment`; `null` unassigns. */
export const assignmentRequest = z.strictObject({ assigneeId: z.string().min(1).max(100).nullable() }).openapi('ComplaintAssignmentRequest')

/** A case's summary, as lists show it. `slaState` is the worst SLA target now (null without SLA terms). */
export const caseSchema = z.object({
  id: z.string(),
  /** The readable number people quote, `CT-2026-000123`: a sequence per business year. */
  caseNumber: z.string(),
  customerId: z.string().nullable(), status: z.enum(statuses), channel: z.enum(channels), category: z.string(),
  priority: z.enum(priorities), description: z.string(), orderRef: z.string().nullable(), assigneeId: z.string().nullable(),
  resolutionCode: z.string().nullable(), resolutionSummary: z.string().nullable(), createdBy: z.string(),
  createdAt: z.string(), updatedAt: z.string(), resolvedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(), reopenCount: z.number(), goodwillPoints: z.number().nullable(), csat: z.number().nullable(),
  contact: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }).nullable(),
  slaState: z.enum(slaStates).nullable(), slaWarnAt: z.string().nullable(), slaBreachAt: z.string().nullable(),
  /** The case this duplicate was merged into (it is closed and keeps its history); null otherwise. */
  mergedInto: z.string().nullable(),
  /** Values of the custom fields of its category (config `customFields`), by field key. */
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
}).openapi('ComplaintCase')

/** One SLA target's clock. */
export const targetClockSchema = z.object({
  target: z.enum(['firstResponse', 'nextUpdate', 'resolution']), cycle: z.string(), state: z.enum(slaStates), running: z.boolean(), paused: z.boolean(),
  startedAt: z.string(), stoppedAt: z.string().nullable(), targetMinutes: z.number(), elapsedMinutes: z.number(),
  warningAt: z.string().nullable(), breachAt: z.string().nullable(),
}).openapi('ComplaintSlaTarget')

/** A case's SLA: the pinned policy and each target's clock now. */
export const caseSlaSchema = z.object({ policyId: z.string(), calendarId: z.string(), state: z.enum(slaStates), targets: z.array(targetClockSchema) }).openapi('ComplaintSla')

/** An attachment's description (the bytes are at its own route). */
export const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), uploadedBy: z.string(), createdAt: z.string() }).openapi('ComplaintAttachment')

/** One reply or internal note. */
export const messageSchema = z.object({
  id: z.string(), visibility: z.enum(['customer', 'internal']), body: z.string(), author: z.string(), createdAt: z.string(),
}).openapi('ComplaintMessage')

/** One history entry: who did what, when. */
export const historySchema = z.object({
  action: z.enum(['created', 'transition', 'assigned', 'message', 'sla_escalated', 'goodwill', 'follow_up_scheduled', 'follow_up_recorded', 'follow_up_cancelled', 'follow_up_attempted', 'follow_up_escalated', 'follow_up_rescheduled', 'attachment', 'csat', 'category_changed', 'priority_changed', 'tags_changed', 'merged', 'merged_from', 'fields_changed']), actor: z.string(), fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(), details: z.record(z.string(), z.unknown()), at: z.string(),
}).openapi('ComplaintHistoryEntry')

/** A case with its messages and history (internal entries only for staff). */
export const caseDetailSchema = caseSchema.extend({
  tags: z.array(z.string()),
  allowedTransitions: z.array(z.enum(statuses)), messages: z.array(messageSchema), history: z.array(historySchema),
  sla: caseSlaSchema.nullable(), attachments: z.array(attachmentSchema), followUps: z.array(followUpSchema),
}).openapi('ComplaintCaseDetail')

/** A tag: a short label, trimmed. */
export const caseTag = z.string().trim().min(1).max(40)

/** `PATCH /cases/{id}`: category, priority and tags after intake; omitted fields stay. */
export const caseUpdateRequest = z.strictObject({
  category: z.string().min(1).max(100).optional(),
  priority: z.enum(priorities).optional(),
  /** The case's tags as a set (replaces them). */
  tags: z.array(caseTag).max(20).optional(),
  /** Custom field values by key (those of the case's category); null removes one. */
  fields: z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.null()])).optional(),
}).openapi('ComplaintCaseUpdate')

/** A page of cases. */
export const casePageSchema = z.object({ items: z.array(caseSchema), nextCursor: z.string().nullable() }).openapi('ComplaintCasePage')

/** A file in a request: its name, declared type and base64 content. */
export const fileUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200).refine((n) => !/[/\\]/.test(n) && [...n].every((ch) => ch.charCodeAt(0) >= 32), 'a plain file name'),
  contentType: z.string().min(3).max(100),
  dataBase64: z.string().min(1).max(7_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
})

/** `POST /cases/{id}/attachments`. */
export const attachmentRequest = z.strictObject({ files: z.array(fileUpload).min(1).max(5) }).openapi('ComplaintAttachmentRequest')

/** `{id}` and `{attachmentId}`. */
export const attachmentParams = z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) })

/** `POST /form`: the anonymous public complaint form. */
export const formRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(200).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/).optional(),
  category: z.string().min(1).max(100),
  description: z.string().trim().min(1).max(5_000),
  orderRef: z.string().min(1).max(100).optional(),
  files: z.array(fileUpload).max(5).optional(),
  fields: filingFields,
}).refine((f) => f.email !== undefined || f.phone !== undefined, { message: 'an email or a phone number', path: ['email'] }).openapi('ComplaintFormRequest')

/** `GET /form`: what the public form offers (categories and file limits), for the customer page. */
export const formInfoSchema = z.object({
  enabled: z.boolean(),
  categories: z.array(z.object({ id: z.string(), label: z.string(), parent: z.string().optional() })),
  attachments: z.object({ maxBytes: z.number(), maxPerCase: z.number(), types: z.array(z.string()) }),
}).openapi('ComplaintFormInfo')

/**
 * What the form answers: the case reference to quote, and the tracking token that opens the case
 * page again (`POST /tracking`), shown once and stored nowhere.
 */
export const formReceiptSchema = z.object({ caseId: z.string(), caseNumber: z.string(), createdAt: z.string(), trackingToken: z.string() }).openapi('ComplaintFormReceipt')

/** `POST /tracking`: the token of the form's answer (in the body, so it stays out of URLs and logs). */
export const trackingRequest = z.strictObject({ token: z.string().min(3).max(200) }).openapi('ComplaintTrackingRequest')

/** `POST /tracking/messages`: the filer's reply through the tracking token. */
export const trackingReplyRequest = z.strictObject({ token: z.string().min(3).max(200), body: z.string().trim().min(1).max(5_000) }).openapi('ComplaintTrackingReplyRequest')

/** One line of `GET /me/cases`: what a customer sees of their case in a list. */
export const customerCaseSummary = z.object({
  id: z.string(), caseNumber: z.string(), status: z.enum(statuses), category: z.string(), description: z.string(), createdAt: z.string(), updatedAt: z.string(),
}).openapi('ComplaintCustomerCaseSummary')

/** `GET /me/cases`. */
export const customerCasePage = z.object({ items: z.array(customerCaseSummary), nextCursor: z.string().nullable() }).openapi('ComplaintCustomerCasePage')

/** `GET /me/cases` query. */
export const customerCaseQuery = z.object({ cursor: z.string().regex(/^\d+$/).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) })

/** `GET /analytics`: `[from, to)`, ISO dates or times; the last 30 days by default. */
export const analyticsQuery = z.object({ from: z.iso.datetime().or(z.iso.date()).optional(), to: z.iso.datetime().or(z.iso.date()).optional() })

const timeStats = z.object({ count: z.number(), mean: z.number().nullable(), p50: z.number().nullable(), p90: z.number().nullable() })
const countBy = <K extends string>(key: K) => z.array(z.object({ [key]: z.string(), count: z.number() } as Record<K | 'count', z.ZodString | z.ZodNumber>))

/** The figures of `GET /analytics`. */
export const analyticsSchema = z.object({
  from: z.string(), to: z.string(),
  openByStatusAndPriority: z.array(z.object({ status: z.string(), priority: z.string(), count: z.number() })),
  byCategory: countBy('category'), byChannel: countBy('channel'),
  volume: z.array(z.object({ day: z.string(), category: z.string(), channel: z.string(), count: z.number() })),
  firstResponseMinutes: timeStats, resolutionMinutes: timeStats,
  /** Per target: stopped targets (`met` of them in time) plus `breachedRunning`, breached in the range and still running, which count as missed. */
  slaHitRate: z.array(z.object({ target: z.string(), total: z.number(), met: z.number(), breachedRunning: z.number(), rate: z.number().nullable() })),
  reopenRate: z.object({ finished: z.number(), reopened: z.number(), rate: z.number().nullable() }),
  csatAfterResolution: z.object({ count: z.number(), mean: z.number().nullable() }),
  repeatComplainers: z.object({ customers: z.number(), top: z.array(z.object({ customerId: z.string(), cases: z.number() })) }),
}).openapi('ComplaintAnalytics')
