/**
 * @module
 * Migration 0012: removes live customer-link tokens from what was stored before they were kept
 * out of it. Until then `survey.invitation.created` carried its link (`url: /s/<token>`) in the
 * event log, where anyone who may read events could open the survey as the customer. Every signed
 * link starts with the same characters (the base64url of its payload's opening `{"c":"`), so each
 * token found in an event payload, an audit entry's details or a delivery's last error is replaced
 * by `[redacted]`: one pass over those columns, the same result on SQLite and PostgreSQL. The links
 * themselves stay valid for the customers who received them; rotating RAPPORT_SECRET ends them all.
 */
import type { Migration } from '@rapport/db'

/** How every customer-link token begins: base64url of `{"c":"`. */
const MARK = 'eyJjIjoi'
/** The characters of a token: base64url, and the dot between payload and signature. */
const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-'
const REDACTED = '[redacted]'
const TARGETS = [
  { table: 'core_events', key: 'seq', column: 'payload' },
  { table: 'core_audit_log', key: 'seq', column: 'details' },
  { table: 'core_deliveries', key: 'id', column: 'last_error' },
] as const

type Target = (typeof TARGETS)[number]

/** PostgreSQL: one regular-expression replace per column. */
const pg = ({ table, column }: Target) =>
  `UPDATE ${table} SET ${column} = regexp_replace(${column}, '${MARK}[${TOKEN_CHARS}]*', '${REDACTED}', 'g') WHERE strpos(${column}, '${MARK}') > 0`

/**
 * SQLite has no regular expressions: a recursive query cuts one token at a time (`ltrim` drops the
 * token's characters after its mark) into a scratch table, which then replaces the column.
 */
const sqlite = ({ table, key, column }: Target) => [
  `CREATE TEMP TABLE scrub_${table} AS WITH RECURSIVE cut(k, done, rest) AS (
    SELECT ${key}, '', ${column} FROM ${table} WHERE instr(${column}, '${MARK}') > 0
    UNION ALL
    SELECT k, done || substr(rest, 1, instr(rest, '${MARK}') - 1) || '${REDACTED}', ltrim(substr(rest, instr(rest, '${MARK}')), '${TOKEN_CHARS}')
    FROM cut WHERE instr(rest, '${MARK}') > 0
  ) SELECT k, done || rest AS scrubbed FROM cut WHERE instr(rest, '${MARK}') = 0`,
  `UPDATE ${table} SET ${column} = (SELECT scrubbed FROM temp.scrub_${table} s WHERE s.k = ${table}.${key}) WHERE ${key} IN (SELECT k FROM temp.scrub_${table})`,
  `DROP TABLE temp.scrub_${table}`,
]

/** @example coreMigrations.push(scrubLinkTokens) */
export const scrubLinkTokens: Migration = {
  id: '0012_scrub_link_tokens',
  sqlite: TARGETS.flatMap(sqlite),
  pg: TARGETS.map(pg),
}
