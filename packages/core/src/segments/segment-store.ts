/**
 * @module
 * Saved segments in `core_segments`: create, read, list, replace and delete. A definition is
 * checked against the declared profile fields before it is stored.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { asc, eq } from 'drizzle-orm'
import { newId } from '../crypto/tokens.js'
import { segmentErrors } from '../errors/index.js'
import type { FieldSpec } from '../plugins/contract.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'
import type { Segment, SegmentDefinition } from './segment-schemas.js'
import { segmentCondition } from './segment-sql.js'

export type SegmentInput = { name: string; definition: SegmentDefinition }

/**
 * Stores a new segment after checking its definition.
 * @throws REQUEST_INVALID (400) naming the first bad condition
 * @example const segment = await createSegment(tx, s.runtime.fields(), { name: 'VIP', definition }, { createdBy: userId, now })
 */
export async function createSegment(db: Queryable, fields: ReadonlyMap<string, FieldSpec>, input: SegmentInput, meta: { createdBy: string | null; now: Date }): Promise<Segment> {
  segmentCondition(fields, input.definition)
  const id = newId('seg')
  const at = meta.now.toISOString()
  const [segment] = await ormOf(db)
    .insert(coreSchema.of(db).segments)
    .values({ id, name: input.name, definition: input.definition, createdBy: meta.createdBy, createdAt: at, updatedAt: at })
    .returning()
  return segment!
}

/**
 * One segment, or SEGMENT_NOT_FOUND (404).
 * @example const segment = await getSegment(s.db, 'seg_01…')
 */
export async function getSegment(db: Queryable, id: string): Promise<Segment> {
  const segment = await findSegment(db, id)
  if (!segment) throw segmentErrors.NOT_FOUND({ segmentId: id })
  return segment
}

/**
 * One segment, or undefined when there is none with this id.
 * @example const segment = await findSegment(s.db, id)
 */
export async function findSegment(db: Queryable, id: string): Promise<Segment | undefined> {
  const { segments } = coreSchema.of(db)
  const [segment] = await ormOf(db).select().from(segments).where(eq(segments.id, id))
  return segment
}

/**
 * Every saved segment, by name (a business keeps tens, not thousands).
 * @example const all = await listSegments(s.db)
 */
export async function listSegments(db: Queryable): Promise<Segment[]> {
  const { segments } = coreSchema.of(db)
  return ormOf(db).select().from(segments).orderBy(asc(segments.name), asc(segments.id))
}

/**
 * Replaces a segment's name and definition.
 * @throws SEGMENT_NOT_FOUND (404), REQUEST_INVALID (400) naming the first bad condition
 * @example await replaceSegment(tx, fields, id, { name, definition }, now)
 */
export async function replaceSegment(db: Queryable, fields: ReadonlyMap<string, FieldSpec>, id: string, input: SegmentInput, now: Date): Promise<Segment> {
  await getSegment(db, id)
  segmentCondition(fields, input.definition)
  const { segments } = coreSchema.of(db)
  const [segment] = await ormOf(db).update(segments).set({ name: input.name, definition: input.definition, updatedAt: now.toISOString() }).where(eq(segments.id, id)).returning()
  return segment!
}

/**
 * Deletes a segment; SEGMENT_NOT_FOUND (404) when there is none.
 * @example await deleteSegment(tx, id)
 */
export async function deleteSegment(db: Queryable, id: string): Promise<Segment> {
  const segment = await getSegment(db, id)
  const { segments } = coreSchema.of(db)
  await ormOf(db).delete(segments).where(eq(segments.id, id))
  return segment
}
