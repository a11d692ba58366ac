/**
 * @module
 * Migration 0018: on SQLite, `core_profile_values` becomes a `WITHOUT ROWID` table clustered by its
 * primary key (customer_id, field) (issue 19). As a rowid table it was two B-trees, the rows in
 * rowid order and the primary key's index beside them, so every upsert of an order's values
 * looked the key up in one and changed the other, and a customer's rows lay wherever they had
 * been inserted over time. Clustered, the key is the table: one B-tree, one customer's values on
 * one or two neighbouring pages, and no second copy of (customer_id, field). Rebuilt in place
 * (SQLite cannot change a table to WITHOUT ROWID), with the partial indexes of migration 0016.
 * PostgreSQL tables are heaps with no such choice: nothing to do there.
 * The table's declarations (profile-tables.ts, drizzle/record-tables.ts) describe its columns and
 * key, which do not change.
 */
import type { Migration } from '@rapport/db'

const sqlite = [
  `CREATE TABLE core_profile_values_clustered (
  "customer_id" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "num_value" REAL,
  "text_value" TEXT,
  "updated_at" TEXT NOT NULL,
  PRIMARY KEY ("customer_id", "field")
) WITHOUT ROWID`,
  `INSERT INTO core_profile_values_clustered (customer_id, field, num_value, text_value, updated_at)
  SELECT customer_id, field, num_value, text_value, updated_at FROM core_profile_values ORDER BY customer_id, field`,
  'DROP TABLE core_profile_values',
  'ALTER TABLE core_profile_values_clustered RENAME TO core_profile_values',
  'CREATE INDEX core_profile_values_num ON core_profile_values (field, num_value, customer_id) WHERE num_value IS NOT NULL',
  'CREATE INDEX core_profile_values_text ON core_profile_values (field, text_value, customer_id) WHERE text_value IS NOT NULL',
]

/** @example coreMigrations.push(clusteredProfileValues) */
export const clusteredProfileValues: Migration = { id: '0018_clustered_profile_values', sqlite, pg: [] }
