/**
 * @module
 * Migration 0014: explanations in less space (issue 19, item 4). `core_profile_changes` held one
 * row of thirteen columns per changed field, twelve per order, and with its (customer, field, seq)
 * index was the biggest table of the demo database. It becomes one row per write of one plugin
 * for one customer (`seq`, `customer_id`, `event_seq`, `plugin`, `at`, `changes`), the changes
 * packed as JSON (profile/packed-changes.ts), with one index on (customer_id, seq), the one the
 * explain and timeline queries use. Existing rows are converted in SQL: the changes one write
 * recorded (same customer, event, plugin and time) become one row, consecutive changes of one
 * source one group, in their original order; converted changes keep their full field names and
 * their `next`. Nothing the explain API answered is lost.
 */
import type { Migration } from '@rapport/db'

const CALL = 'customer_id, event_seq, plugin, at'

/**
 * The converted rows, as `SELECT customer_id, event_seq, plugin, at, changes`, in `seq` order. A
 * customer's consecutive changes with the same event, plugin and time are one write (`call`);
 * within it, consecutive changes of the same source one group (`grp`).
 */
const convert = (d: { quote: (x: string) => string; sameAs: string; text: (x: string) => string; agg: (x: string, order: string) => string }) => `
WITH keyed AS (
  SELECT c.*, COALESCE(${d.text('event_seq')}, '') || ':' || plugin || ':' || at AS call_key,
    source_kind || ':' || source_id || ':' || COALESCE(${d.text('source_version')}, '') AS source_key
  FROM core_profile_changes c
), calls AS (
  SELECT keyed.*, CASE WHEN LAG(call_key) OVER (PARTITION BY customer_id ORDER BY seq) ${d.sameAs} call_key THEN 0 ELSE 1 END AS new_call FROM keyed
), numbered AS (
  SELECT calls.*, SUM(new_call) OVER (PARTITION BY customer_id ORDER BY seq ROWS UNBOUNDED PRECEDING) AS call FROM calls
), groups AS (
  SELECT numbered.*, CASE WHEN LAG(source_key) OVER (PARTITION BY customer_id, call ORDER BY seq) ${d.sameAs} source_key THEN 0 ELSE 1 END AS new_group FROM numbered
), grouped AS (
  SELECT groups.*, SUM(new_group) OVER (PARTITION BY customer_id, call ORDER BY seq ROWS UNBOUNDED PRECEDING) AS grp FROM groups
), sources AS (
  SELECT customer_id, call, grp, MIN(seq) AS first_seq, MIN(event_seq) AS event_seq, MIN(plugin) AS plugin, MIN(at) AS at,
    '[' || ${d.quote("CASE MIN(source_kind) WHEN 'rule' THEN 'r' ELSE 'p' END")} || ',' || ${d.quote('MIN(source_id)')} || ',' || COALESCE(${d.text('MIN(source_version)')}, 'null') || ',' ||
    ${d.agg(`'[' || ${d.quote('field')} || ',' || ${d.quote('op')} || ',' || COALESCE(operand, 'null') || ',' || COALESCE(previous, 'null') || ',' || COALESCE(next, 'null') || ']'`, 'seq')} || ']' AS packed
  FROM grouped GROUP BY customer_id, call, grp
)
SELECT customer_id, MIN(event_seq), MIN(plugin), MIN(at), '["",' || ${d.agg('packed', 'first_seq')} || ']' FROM sources GROUP BY customer_id, call ORDER BY MIN(first_seq)`

const steps = (d: { serial: string; bigint: string; convert: string }) => [
  'DROP INDEX core_profile_changes_customer_field',
  `CREATE TABLE core_profile_changes_packed (seq ${d.serial}, customer_id TEXT NOT NULL, event_seq ${d.bigint}, plugin TEXT NOT NULL, at TEXT NOT NULL, changes TEXT NOT NULL)`,
  `INSERT INTO core_profile_changes_packed (${CALL}, changes) ${d.convert}`,
  'DROP TABLE core_profile_changes',
  'ALTER TABLE core_profile_changes_packed RENAME TO core_profile_changes',
  'CREATE INDEX core_profile_changes_customer ON core_profile_changes (customer_id, seq)',
]

/** @example coreMigrations.push(compactProfileChanges) */
export const compactProfileChanges: Migration = {
  id: '0014_compact_profile_changes',
  sqlite: steps({
    serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER',
    convert: convert({ quote: (x) => `json_quote(${x})`, sameAs: 'IS', text: (x) => x, agg: (x, order) => `group_concat(${x}, ',' ORDER BY ${order})` }),
  }),
  pg: steps({
    serial: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT',
    convert: convert({ quote: (x) => `to_json(${x})::text`, sameAs: 'IS NOT DISTINCT FROM', text: (x) => `(${x})::text`, agg: (x, order) => `string_agg(${x}, ',' ORDER BY ${order})` }),
  }),
}
