/**
 * @module
 * Migration 0022: explanations in less space, again (issue 19, item 4). After 0014 the packed rows
 * of `core_profile_changes` still lay in two B-trees on SQLite, the rows in `seq` order and the
 * (customer_id, seq) index beside them: the index was a fifth of the table's size and every
 * order wrote pages of both. The table is now keyed by (customer_id, seq), `WITHOUT ROWID` on
 * SQLite, so the key is the table and a customer's rows lie together; on PostgreSQL the key's
 * index replaces the old one. `seq` counts each customer's rows (the explain API's cursor is
 * per customer: nothing compares changes of two customers) and is renumbered in the old order.
 * `at` is NULL when it is the causing event's `occurred_at` (a rule's or subscriber's change at
 * the event's own time, most rows); readers take it from the event. The packed changes are kept
 * as they were (profile/packed-changes.ts reads every form). An explain cursor issued before the
 * migration no longer points where it did: it is a position in a page walk, not a stored id.
 */
import type { Migration } from '@rapport/db'

const steps = (d: { bigint: string; options: string }) => [
  `CREATE TABLE core_profile_changes_keyed (customer_id TEXT NOT NULL, seq ${d.bigint} NOT NULL, event_seq ${d.bigint}, plugin TEXT NOT NULL, at TEXT, changes TEXT NOT NULL, PRIMARY KEY (customer_id, seq))${d.options}`,
  `INSERT INTO core_profile_changes_keyed (customer_id, seq, event_seq, plugin, at, changes)
  SELECT c.customer_id, ROW_NUMBER() OVER (PARTITION BY c.customer_id ORDER BY c.seq), c.event_seq, c.plugin,
    CASE WHEN c.at = e.occurred_at THEN NULL ELSE c.at END, c.changes
  FROM core_profile_changes c LEFT JOIN core_events e ON e.seq = c.event_seq`,
  'DROP TABLE core_profile_changes',
  'ALTER TABLE core_profile_changes_keyed RENAME TO core_profile_changes',
]

/** @example coreMigrations.push(keyedProfileChanges) */
export const keyedProfileChanges: Migration = {
  id: '0022_keyed_profile_changes',
  sqlite: steps({ bigint: 'INTEGER', options: ' WITHOUT ROWID' }),
  pg: steps({ bigint: 'BIGINT', options: '' }),
}
