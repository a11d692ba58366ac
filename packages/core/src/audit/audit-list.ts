/**
 * @module
 * Reads the audit log newest first (by `seq`, the append order), filtered by actor, action,
 * entity type and a date range in the business's time zone, one keyset page at a time. Each
 * filter has an index ending in `seq`, so a page reads only the rows it returns.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import { DateTime } from 'luxon'
import { requestErrors } from '../errors/index.js'
import type { AuditEntryView, AuditListQuery } from './audit-schemas.js'

type AuditRow = {
  seq: number
  at: string
  actor_type: string
  actor_id: string | null
  actor_name: string | null
  action: string
  target_type: string | null
  target_id: string | null
  target_name: string | null
  details: string | Record<string, unknown>
  request_id: string | null
}

const PREFIX = 'audit:'

/** A cursor that continues after the entry with this `seq`. */
export const encodeAuditCursor = (seq: number): string => Buffer.from(`${PREFIX}${seq}`).toString('base64url')

/** The `seq` a cursor continues after; REQUEST_INVALID_CURSOR (400) for anything this server did not issue. */
export function decodeAuditCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^audit:([1-9][0-9]{0,15})$/.exec(text)
  const seq = match ? Number(match[1]) : Number.NaN
  if (!Number.isSafeInteger(seq)) throw requestErrors.INVALID_CURSOR(undefined)
  return seq
}

const invalid = (path: string, message: string) => requestErrors.INVALID({ issues: [{ path, message }] })

/** `from`/`to` (calendar days, both included) as a half-open UTC range. */
function dayRange(query: AuditListQuery, timeZone: string): { start?: string; end?: string } {
  const first = query.from === undefined ? undefined : DateTime.fromISO(query.from, { zone: timeZone }).startOf('day')
  const last = query.to === undefined ? undefined : DateTime.fromISO(query.to, { zone: timeZone }).startOf('day')
  if (first && last && last < first) throw invalid('query.to', `${query.to} is before ${query.from}`)
  return {
    ...(first ? { start: first.toUTC().toISO()! } : {}),
    ...(last ? { end: last.plus({ days: 1 }).toUTC().toISO()! } : {}),
  }
}

// Names come from the users and keys tables by primary key; customers are left unnamed on purpose:
// the audit log must not become a way to read personal data.
const SELECT = `SELECT a.seq, a.at, a.actor_type, a.actor_id, a.action, a.target_type, a.target_id, a.details, a.request_id,
  COALESCE(au.name, ak.name) AS actor_name, COALESCE(tu.name, tk.name) AS target_name
FROM core_audit_log a
LEFT JOIN core_users au ON a.actor_type = 'user' AND au.id = a.actor_id
LEFT JOIN core_api_keys ak ON a.actor_type = 'apiKey' AND ak.id = a.actor_id
LEFT JOIN core_users tu ON a.target_type = 'user' AND tu.id = a.target_id
LEFT JOIN core_api_keys tk ON a.target_type = 'api-key' AND tk.id = a.target_id`

/**
 * The SQL and parameters of one page; exported so a test can check the plan uses the indexes.
 * @example const { sql, params } = auditListStatement({ limit: 50, action: 'user.created' }, 'Asia/Shanghai')
 */
export function auditListStatement(query: AuditListQuery, timeZone: string): { sql: string; params: SqlValue[] } {
  const where: string[] = []
  const params: SqlValue[] = []
  const add = (sql: string, value: SqlValue) => { where.push(sql); params.push(value) }
  if (query.actor !== undefined) add('a.actor_id = ?', query.actor)
  if (query.actorType !== undefined) add('a.actor_type = ?', query.actorType)
  if (query.action !== undefined) add('a.action = ?', query.action)
  if (query.targetType !== undefined) add('a.target_type = ?', query.targetType)
  const { start, end } = dayRange(query, timeZone)
  if (start !== undefined) add('a.at >= ?', start)
  if (end !== undefined) add('a.at < ?', end)
  if (query.cursor !== undefined) add('a.seq < ?', decodeAuditCursor(query.cursor))
  params.push(query.limit + 1)
  return { sql: `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT ?`, params }
}

const toEntry = (r: AuditRow): AuditEntryView => ({
  id: String(r.seq),
  at: r.at,
  actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
  action: r.action,
  target: r.target_type === null ? null : { type: r.target_type, id: r.target_id, name: r.target_name },
  details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  requestId: r.request_id,
})

/**
 * One page of the audit log, newest first; `nextCursor` is null on the last page.
 * @example const page = await listAudit(s.db, { limit: 50, actor: userId }, 'Asia/Shanghai')
 */
export async function listAudit(db: Queryable, query: AuditListQuery, timeZone: string): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const { sql, params } = auditListStatement(query, timeZone)
  const rows = await db.all<AuditRow>(sql, params)
  const items = rows.slice(0, query.limit).map(toEntry)
  const last = rows[query.limit - 1]
  return { items, nextCursor: rows.length > query.limit && last ? encodeAuditCursor(Number(last.seq)) : null }
}
