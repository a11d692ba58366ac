/**
 * @module
 * Migration 0016: indexes that hold only what their queries read (issue 19, storage per order).
 * - `core_events_type_time` (type, occurred_at) served no query by time: the one query by type,
 *   the event list (`WHERE type = ? ORDER BY seq DESC LIMIT ?`), read it and then sorted every
 *   event of the type in a temporary B-tree. `core_events_type` (type, seq) answers that query in
 *   index order and is half the size (seq instead of a 24-character time).
 * - `core_profile_values_num` and `_text` held every value row, though a row has one of the two
 *   columns: each becomes partial (`WHERE … IS NOT NULL`). Every query that reads them (filters
 *   with a comparison or IN, and the profile sort, which says `IS NOT NULL`) implies the condition,
 *   so SQLite and PostgreSQL still use them.
 * On the bench's demo database (5,339 orders): 930 + 688 + 705 kB of indexes became 442 + 385 + 283 kB.
 * The tables' declarations (tables.ts, profile-tables.ts) stay as migrations 0001 and 0004 made
 * them, whose checksums are their SQL.
 */
import type { Migration } from '@rapport/db'

const statements = [
  'DROP INDEX core_events_type_time',
  'CREATE INDEX core_events_type ON core_events (type, seq)',
  'DROP INDEX core_profile_values_num',
  'CREATE INDEX core_profile_values_num ON core_profile_values (field, num_value, customer_id) WHERE num_value IS NOT NULL',
  'DROP INDEX core_profile_values_text',
  'CREATE INDEX core_profile_values_text ON core_profile_values (field, text_value, customer_id) WHERE text_value IS NOT NULL',
]

/** @example coreMigrations.push(leanerIndexes) */
export const leanerIndexes: Migration = { id: '0016_leaner_indexes', sqlite: statements, pg: statements }
