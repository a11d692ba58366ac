/**
 * @module
 * Saved segments: a name and a definition (groups of profile conditions) that the admin, the
 * dashboard and plugins evaluate against the shared profile whenever they ask.
 */
import { t, table } from '@rapport/db'

/** One saved segment; `definition` is a {@link SegmentDefinition} as JSON. */
export const segments = table('core_segments', {
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  definition: t.json().notNull(),
  createdBy: t.text(),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'core_segments_name', columns: ['name'] }] })
