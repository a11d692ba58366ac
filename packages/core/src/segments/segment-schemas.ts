/**
 * @module
 * A segment's shapes, one zod schema each: a condition on one profile field, groups of them joined
 * by all/any, and the saved segment as the API shows it.
 */
import { z } from '@hono/zod-openapi'
import { customerSchema } from '../customers/schemas.js'
import { FILTER_OPS } from '../profile/profile-filter.js'

const scalar = z.union([z.string().max(200), z.number(), z.boolean()])

/**
 * One condition: `{ field: 'points.balance', op: 'gte', value: 100 }`; `in` takes a list,
 * `exists` a boolean or nothing (true).
 * @example segmentConditionSchema.parse({ field: 'tiering.tier', op: 'in', value: ['diamond', 'silver'] })
 */
export const segmentConditionSchema = z
  .strictObject({
    field: z.string().min(3).max(120).openapi({ example: 'points.balance' }),
    op: z.enum(FILTER_OPS),
    value: z.union([scalar, z.array(scalar.refine((v) => typeof v !== 'string' || !v.includes('|'), 'may not contain |')).min(1).max(100)]).optional(),
  })
  .openapi('SegmentCondition')

/** A segment condition. */
export type SegmentCondition = z.infer<typeof segmentConditionSchema>

/** How conditions or groups combine: every one must hold, or at least one. */
export const matchSchema = z.enum(['all', 'any'])

/** Conditions joined by `match`. @example segmentGroupSchema.parse({ match: 'all', conditions: [c] }) */
export const segmentGroupSchema = z
  .strictObject({ match: matchSchema.default('all'), conditions: z.array(segmentConditionSchema).min(1).max(50) })
  .openapi('SegmentGroup')

/**
 * Groups joined by `match`: `{ match: 'any', groups: [{ match: 'all', conditions: [...] }, ...] }`.
 * @example segmentDefinitionSchema.parse({ match: 'all', groups: [{ match: 'all', conditions: [{ field: 'points.balance', op: 'gte', value: 100 }] }] })
 */
export const segmentDefinitionSchema = z
  .strictObject({ match: matchSchema.default('all'), groups: z.array(segmentGroupSchema).min(1).max(20) })
  .openapi('SegmentDefinition')

/** A segment definition. */
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>

/** What a caller sends to create or replace a segment. @example segmentRequest.parse({ name: 'VIP', definition }) */
export const segmentRequest = z.strictObject({ name: z.string().trim().min(1).max(120), definition: segmentDefinitionSchema }).openapi('SegmentRequest')

/** A saved segment as the API shows it. @example responses: { 200: jsonResponse(segmentSchema, 'The segment') } */
export const segmentSchema = z
  .object({
    id: z.string().openapi({ example: 'seg_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    name: z.string(),
    definition: segmentDefinitionSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Segment')

/** A saved segment. */
export type Segment = z.infer<typeof segmentSchema>

/** Path of routes on one segment. @example request: { params: segmentIdParams } */
export const segmentIdParams = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) })

/** Query of the preview count: a definition not saved yet, as JSON. @example previewQuery.parse({ definition: '{"groups":[...]}' }) */
export const countPreviewRequest = z.strictObject({ definition: segmentDefinitionSchema }).openapi('SegmentPreviewRequest')

/** The number of customers in a segment now. */
export const segmentCountSchema = z.object({ count: z.number().int() }).openapi('SegmentCount')

/** Query of the members list. @example segmentMembersQuery.parse({ limit: '50' }) */
export const segmentMembersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})

/** A page of a segment's customers, by id. */
export const segmentMembersPageSchema = z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }).openapi('SegmentMembersPage')
