/**
 * @module
 * Shapes of the audit log API: the list query and one entry as the admin reads it.
 */
import { z } from '@hono/zod-openapi'

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'must be a real calendar date')

/** Query of `GET /api/v1/audit`. Unknown parameters are refused. @example auditListQuery.parse({ action: 'user.created', limit: '20' }) */
export const auditListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  cursor: z.string().max(100).optional().openapi({ description: 'nextCursor of the previous page' }),
  actor: z.string().min(1).max(100).optional().openapi({ description: 'Id of the user, API key or customer who acted' }),
  actorType: z.enum(['user', 'apiKey', 'customer', 'system', 'anonymous']).optional(),
  action: z.string().min(1).max(100).optional().openapi({ example: 'user.created' }),
  targetType: z.string().min(1).max(50).optional().openapi({ description: 'Kind of entity changed', example: 'api-key' }),
  from: calendarDate.optional().openapi({ description: 'First day, in the business time zone (included)' }),
  to: calendarDate.optional().openapi({ description: 'Last day, in the business time zone (included)' }),
})

/** The list query after validation. */
export type AuditListQuery = z.infer<typeof auditListQuery>

/** One audit entry: who (with a display name when the actor still exists), did what, to which entity, when. */
export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }).nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry')

/** One audit entry. */
export type AuditEntryView = z.infer<typeof auditEntrySchema>

/** One page of the audit log, newest first. */
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).openapi('AuditPage')
