/**
 * @module
 * The HTTP shapes of bulk sends, shared by the server and the admin: what starts one, and a send
 * with its progress (how many were queued, sent, failed, and skipped by reason).
 */
import { z } from '@hono/zod-openapi'

/** Why a customer of a bulk send got no message. */
export const BULK_SKIP_REASONS = ['noAddress', 'unsubscribed', 'noConsent', 'overBudget', 'other'] as const
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number]

/** `POST /api/v1/messaging/bulk-sends`. @example bulkSendRequest.parse({ name: 'June survey', segmentId, template: 'survey.invitation' }) */
export const bulkSendRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    segmentId: z.string().min(1).max(64),
    template: z.string().min(1).max(100),
    channel: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).default('email'),
    data: z.record(z.string().regex(/^\w{1,64}$/), z.union([z.string().max(2000), z.number()])).default({})
      .openapi({ description: "The template's parameters, the same for every recipient; the customer's name is filled in per recipient" }),
    requireConsent: z.boolean().default(false).openapi({ description: 'Send only to customers who granted consent on the channel' }),
    perMinute: z.int().min(1).max(1000).default(100).openapi({ description: 'At most this many customers are looked at per minute' }),
  })
  .openapi('BulkSendRequest')
export type BulkSendRequest = z.infer<typeof bulkSendRequest>

const count = z.int().min(0)

/** How far a bulk send got. */
export const bulkProgressSchema = z
  .object({
    /** Customers looked at so far. */
    processed: count,
    /** Messages waiting to go (or to be retried). */
    queued: count,
    sent: count,
    failed: count,
    skipped: z.object(Object.fromEntries(BULK_SKIP_REASONS.map((r) => [r, count])) as Record<BulkSkipReason, typeof count>),
    /** Customers not yet looked at because the quiet hours hold the send back. */
    deferred: z.object({ quietHours: count }),
  })
  .openapi('BulkSendProgress')
export type BulkProgress = z.infer<typeof bulkProgressSchema>

/** A bulk send and its progress. */
export const bulkSendSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    segmentId: z.string(),
    template: z.string(),
    channel: z.string(),
    requireConsent: z.boolean(),
    perMinute: z.int(),
    state: z.enum(['running', 'waiting', 'done']).openapi({ description: 'waiting: held back by the quiet hours until deferredUntil' }),
    total: count,
    deferredUntil: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: bulkProgressSchema,
  })
  .openapi('BulkSend')
export type BulkSend = z.infer<typeof bulkSendSchema>
