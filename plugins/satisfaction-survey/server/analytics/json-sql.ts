/**
 * @module
 * The JSON fragments analytics need, per dialect: the keys of a response's answers as rows, the
 * elements of an array answer or the members of an object answer, and a value as text. JSON
 * columns are TEXT on both dialects; PostgreSQL casts them to jsonb.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** SQL for one dialect; `j` is an answer (key, value), `e` an element or member of it. */
export type JsonSql = {
  /** FROM-list item giving `j` for each answer key of `r.answers`. */
  answers: string
  /** Condition: `j` holds a scalar (string, number, boolean). */
  scalar: string
  /** `j`'s scalar value as text (`true`/`false` for booleans). */
  scalarText: string
  /** `j`'s value as text when it is a string, else null. */
  stringText: string
  /** FROM-list item giving `e` (key = 0-based index) for each element when `j` is an array, none otherwise. */
  elements: string
  /** FROM-list item giving `e` (key = member name) for each member when `j` is an object, none otherwise. */
  members: string
  /** `e`'s value as text. */
  elementText: string
  /** `e`'s 1-based position in its array. */
  elementPosition: string
  /** Case-insensitive LIKE with `\` escaping. */
  like: string
  /** A profile snapshot field as text, from `$."field"` path parameters (SQLite) or a key parameter (PostgreSQL). */
  snapshotField: string
  /** The parameters `snapshotField` takes for a field name. */
  snapshotParams(field: string): string[]
}

const sqlite: JsonSql = {
  answers: 'json_each(r.answers) j',
  scalar: "j.type NOT IN ('array', 'object', 'null')",
  scalarText: "CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.value AS TEXT) END",
  stringText: "CASE WHEN j.type = 'text' THEN j.value END",
  // SQLite's json_each reads its argument as JSON: a string answer is not, so only arrays go in.
  elements: "json_each(CASE WHEN j.type = 'array' THEN j.value ELSE '[]' END) e",
  members: "json_each(CASE WHEN j.type = 'object' THEN j.value ELSE '{}' END) e",
  elementText: "CASE e.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'object' THEN e.value WHEN 'array' THEN e.value ELSE CAST(e.value AS TEXT) END",
  elementPosition: '(e.key + 1)',
  like: "LIKE ? ESCAPE '\\'",
  snapshotField: "CASE json_type(r.profile_snapshot, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(r.profile_snapshot, ?) AS TEXT) END",
  snapshotParams: (field) => [`$."${field}"`, `$."${field}"`],
}

const pg: JsonSql = {
  answers: 'jsonb_each(r.answers::jsonb) j',
  scalar: "jsonb_typeof(j.value) IN ('string', 'number', 'boolean')",
  scalarText: "j.value #>> '{}'",
  stringText: "CASE WHEN jsonb_typeof(j.value) = 'string' THEN j.value #>> '{}' END",
  // A set-returning call runs on every row, whatever the WHERE says: feed it an empty array otherwise.
  elements: "LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.value) = 'array' THEN j.value ELSE '[]'::jsonb END) WITH ORDINALITY e(value, key)",
  members: "LATERAL jsonb_each(CASE WHEN jsonb_typeof(j.value) = 'object' THEN j.value ELSE '{}'::jsonb END) e",
  elementText: "e.value #>> '{}'",
  elementPosition: 'e.key',
  like: "ILIKE ? ESCAPE '\\'",
  snapshotField: '(r.profile_snapshot::jsonb ->> ?)',
  snapshotParams: (field) => [field],
}

/** @example const js = jsonSql(ctx.db); db.all(`SELECT j.key FROM satisfaction_responses r, ${js.answers}`) */
export const jsonSql = (q: Pick<Queryable, 'dialect'>): JsonSql => (q.dialect === 'pg' ? pg : sqlite)

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally. @example containsPattern('50%') // '%50\%%' */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
