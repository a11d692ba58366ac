/**
 * @module
 * Saved segments in `core_segments`: create, read, list, replace and delete. A definition is
 * checked against the declared profile fields before it is stored.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'
import { segmentErrors } from '../errors/index.js'
import type { FieldSpec } from '../plugins/contract.js'
import type { Segment, SegmentDefinition } from './segment-schemas.js'
import { segmentCondition } from './segment-sql.js'

type SegmentRow = { id: string; name: string; definition: string | SegmentDefinition; created_by: string | null; created_at: string | Date; updated_at: string | Date }

const iso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v)
const toSegment = (r: SegmentRow): Segment => ({
  id: r.id,
  name: r.name,
  definition: typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

/** What a create or replace writes. */
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
  await db.run('INSERT INTO core_segments (id, name, definition, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id, input.name, JSON.stringify(input.definition), meta.createdBy, at, at,
  ])
  return getSegment(db, id)
}

/**
 * One segment, or SEGMENT_NOT_FOUND (404).
 * @example const segment = await getSegment(s.db, 'seg_01…')
 */
export async function getSegment(db: Queryable, id: string): Promise<Segment> {
  const row = await db.get<SegmentRow>('SELECT * FROM core_segments WHERE id = ?', [id])
  if (!row) throw segmentErrors.NOT_FOUND({ segmentId: id })
  return toSegment(row)
}

/**
 * One segment, or undefined when there is none with this id.
 * @example const segment = await findSegment(s.db, id)
 */
export async function findSegment(db: Queryable, id: string): Promise<Segment | undefined> {
  const row = await db.get<SegmentRow>('SELECT * FROM core_segments WHERE id = ?', [id])
  return row ? toSegment(row) : undefined
}

/**
 * Every saved segment, by name (a business keeps tens, not thousands).
 * @example const all = await listSegments(s.db)
 */
export async function listSegments(db: Queryable): Promise<Segment[]> {
  return (await db.all<SegmentRow>('SELECT * FROM core_segments ORDER BY name, id')).map(toSegment)
}

/**
 * Replaces a segment's name and definition.
 * @throws SEGMENT_NOT_FOUND (404), REQUEST_INVALID (400) naming the first bad condition
 * @example await replaceSegment(tx, fields, id, { name, definition }, now)
 */
export async function replaceSegment(db: Queryable, fields: ReadonlyMap<string, FieldSpec>, id: string, input: SegmentInput, now: Date): Promise<Segment> {
  await getSegment(db, id)
  segmentCondition(fields, input.definition)
  await db.run('UPDATE core_segments SET name = ?, definition = ?, updated_at = ? WHERE id = ?', [input.name, JSON.stringify(input.definition), now.toISOString(), id])
  return getSegment(db, id)
}

/**
 * Deletes a segment; SEGMENT_NOT_FOUND (404) when there is none.
 * @example await deleteSegment(tx, id)
 */
export async function deleteSegment(db: Queryable, id: string): Promise<Segment> {
  const segment = await getSegment(db, id)
  await db.run('DELETE FROM core_segments WHERE id = ?', [id])
  return segment
}
