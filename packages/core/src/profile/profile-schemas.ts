/**
 * @module
 * The profile's API shapes, one zod schema each: a profile value, a recorded change, a field's
 * explanation and a customer's timeline.
 */
import { z } from '@hono/zod-openapi'
import { ACTOR_TYPES } from '../events/event-actor.js'
import { EVENT_SOURCES } from '../events/event-log.js'
import { PROFILE_OPS } from './next-value.js'

/** A profile value. @example profileValueSchema.parse(120) */
export const profileValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]).openapi('ProfileValue')

/** A profile grouped by plugin namespace: `{ points: { balance: 120 } }`. @example groupedProfileSchema.parse({ points: { balance: 1 } }) */
export const groupedProfileSchema = z.record(z.string(), z.record(z.string(), profileValueSchema)).openapi('GroupedProfile', {
  example: { points: { balance: 120, memberSince: '2025-03-01' }, tiering: { tier: 'gold' } },
})

/** Who made a change: a rule (id and version) or a plugin's own code (its reason id; version null). @example changeSourceSchema.parse({ kind: 'rule', id: 'lifetime-on-order', version: 2 }) */
export const changeSourceSchema = z.object({ kind: z.enum(['rule', 'plugin']), id: z.string(), version: z.number().int().nullable() })

/** One recorded change of one field. @example profileChangeSchema.parse(row) */
export const profileChangeSchema = z
  .object({
    field: z.string().openapi({ example: 'points.balance' }),
    at: z.string(),
    op: z.enum(PROFILE_OPS),
    operand: profileValueSchema,
    previous: profileValueSchema,
    next: profileValueSchema,
    source: changeSourceSchema,
    plugin: z.string(),
    event: z.object({ id: z.string(), type: z.string(), occurredAt: z.string() }).nullable(),
  })
  .openapi('ProfileChange')

/** A recorded change, as the API shows it. */
export type ProfileChangeView = z.infer<typeof profileChangeSchema>

/** Why a field has its value: its changes, oldest first. @example explanationSchema.parse(body) */
export const explanationSchema = z
  .object({ field: z.string(), value: profileValueSchema, changes: z.array(profileChangeSchema), nextCursor: z.string().nullable() })
  .openapi('ProfileExplanation')

/** Query of the explain route. @example explainQuery.parse({ field: 'points.balance', limit: '50' }) */
export const explainQuery = z.strictObject({
  field: z.string().min(3).max(120).openapi({ example: 'points.balance', description: 'A profile field, namespace.name' }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
})

/**
 * Who caused a timeline event, with the name a person reads: the user's or API key's name, the
 * customer's own name (null once erased or removed); null for a system actor, which the admin labels.
 * @example namedActorSchema.parse({ type: 'user', id: 'usr_1', name: 'Li Wei' })
 */
export const namedActorSchema = z
  .object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable(), name: z.string().nullable() })
  .openapi('NamedActor')

/** One event of the timeline with the profile changes it caused. @example z.array(timelineItemSchema) */
export const timelineItemSchema = z
  .object({
    id: z.string(), seq: z.number().int(), type: z.string(), customerId: z.string().nullable(), payload: z.record(z.string(), z.unknown()),
    occurredAt: z.string(), recordedAt: z.string(), source: z.enum(EVENT_SOURCES),
    actor: namedActorSchema.nullable().openapi({ description: 'Who caused the event; null for events logged before actors were recorded' }),
    profileChanges: z.array(profileChangeSchema.omit({ event: true })),
  })
  .openapi('TimelineItem')

/** A page of the timeline, newest first. @example responses: { 200: jsonResponse(timelinePageSchema, 'One page') } */
export const timelinePageSchema = z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() }).openapi('TimelinePage')

/** Query of the timeline route. @example timelineQuery.parse({ limit: '20' }) */
export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})
