/**
 * @module
 * The HTTP shapes of the agents' tools: canned replies, saved views, merging duplicates and bulk
 * actions on the case list. Shared by the server and the admin pages.
 */
import { z } from '@rapport/plugin-sdk'
import { priorities, slaStates, statuses } from './vocabulary.js'

const categoryId = z.string().min(1).max(100)

/** `POST /canned-replies`, `PUT /canned-replies/{id}`: a reply agents insert, in one language, for a category (and its sub-categories) or every case. */
export const cannedReplyRequest = z.strictObject({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(5_000),
  locale: z.enum(['zh-CN', 'en']),
  category: categoryId.nullable().default(null),
}).openapi('ComplaintCannedReplyRequest')

/** A canned reply. */
export const cannedReplySchema = z.object({
  id: z.string(), title: z.string(), body: z.string(), locale: z.enum(['zh-CN', 'en']), category: z.string().nullable(), createdBy: z.string(), updatedAt: z.string(),
}).openapi('ComplaintCannedReply')

/** `GET /canned-replies`: `category` keeps the replies offered on a case of it (its own, its ancestors' and general ones). */
export const cannedReplyQuery = z.object({ locale: z.enum(['zh-CN', 'en']).optional(), category: categoryId.optional() })

/** The filters a saved view keeps (those of `GET /cases`). */
export const viewFilters = z.strictObject({
  status: z.enum(statuses).optional(), sla: z.enum(slaStates).optional(), priority: z.enum(priorities).optional(),
  category: categoryId.optional(), channel: z.string().min(1).max(20).optional(), assignee: z.string().min(1).max(100).optional(),
  tag: z.string().min(1).max(40).optional(),
})

/** `POST /views`: the caller's filters of the case list under a name. */
export const savedViewRequest = z.strictObject({ name: z.string().trim().min(1).max(60), filters: viewFilters }).openapi('ComplaintSavedViewRequest')

/** A saved view. */
export const savedViewSchema = z.object({ id: z.string(), name: z.string(), filters: viewFilters, createdAt: z.string() }).openapi('ComplaintSavedView')

/** `POST /cases/{id}/merge`: merges this case, a duplicate, into `into`, which survives. */
export const mergeRequest = z.strictObject({ into: z.string().min(1).max(64) }).openapi('ComplaintMergeRequest')

/** `POST /cases/bulk`: one or more actions on up to 100 cases; each case succeeds or fails alone. */
export const bulkRequest = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).min(1).max(100),
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  status: z.enum(statuses).optional(),
  addTags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  removeTags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
}).refine((b) => b.assigneeId !== undefined || b.status !== undefined || (b.addTags?.length ?? 0) + (b.removeTags?.length ?? 0) > 0, { message: 'at least one action', path: ['ids'] })
  .openapi('ComplaintBulkRequest')

/** What a bulk action did to each case. */
export const bulkResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
}).openapi('ComplaintBulkResult')

/** `GET /analytics/sla`: business dates `[from, to]` (both included, in `RAPPORT_TIME_ZONE`), grouped `by`, with filters. */
export const slaAnalyticsQuery = z.object({
  from: z.iso.date().optional(), to: z.iso.date().optional(),
  by: z.enum(['agent', 'category', 'channel']).default('category'),
  category: categoryId.optional(), channel: z.string().min(1).max(20).optional(), assignee: z.string().min(1).max(100).optional(),
  priority: z.enum(priorities).optional(),
})

const slaCounts = { total: z.number(), met: z.number(), breachedRunning: z.number(), rate: z.number().nullable() }

/** SLA hit rates in business time: stopped targets (met or not) plus running breaches, by group and target, and by business day. */
export const slaAnalyticsSchema = z.object({
  from: z.string(), to: z.string(), timeZone: z.string(), by: z.enum(['agent', 'category', 'channel']),
  /** `key`: the agent's user id (null: unassigned), the category id or the channel. `meanElapsedMinutes`: business minutes of the stopped targets. */
  groups: z.array(z.object({ key: z.string().nullable(), target: z.string(), ...slaCounts, meanElapsedMinutes: z.number().nullable() })),
  /** Per business day (`YYYY-MM-DD` in the time zone) of the outcome or breach, every target together. */
  days: z.array(z.object({ day: z.string(), ...slaCounts })),
}).openapi('ComplaintSlaAnalytics')
