/**
 * @module
 * Reads the audit log newest first (by `seq`, the append order), filtered by actor, action,
 * entity type and a date range in the business's time zone, one keyset page at a time. Each
 * filter has an index ending in `seq`, so a page reads only the rows it returns.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { DateTime } from 'luxon'
import { requestErrors } from '../errors/index.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'
import type { AuditEntryView, AuditListQuery } from './audit-schemas.js'

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

/**
 * The query of one page, newest first, one row more than the page to tell whether another follows.
 * Names come from the users and keys tables by primary key; customers are left unnamed on purpose:
 * the audit log must not become a way to read personal data.
 * @param q - the database
 * @param query - the validated filters
 * @param timeZone - the business's time zone (the days of `from` and `to`)
 * @example const { sql, params } = auditListStatement(db, { limit: 50, action: 'user.created' }, 'Asia/Shanghai').toSQL()
 */
export function auditListStatement(q: Queryable, query: AuditListQuery, timeZone: string) {
  const { auditLog: a, users, apiKeys } = coreSchema.of(q)
  // alias() only renames a table in the SQL; drizzle's is the same function in both dialects' cores.
  const [actorUser, actorKey, targetUser, targetKey] = [alias(users, 'au'), alias(apiKeys, 'ak'), alias(users, 'tu'), alias(apiKeys, 'tk')]
  const { start, end } = dayRange(query, timeZone)
  const filters: (SQL | undefined)[] = [
    query.actor === undefined ? undefined : eq(a.actorId, query.actor),
    query.actorType === undefined ? undefined : eq(a.actorType, query.actorType),
    query.action === undefined ? undefined : eq(a.action, query.action),
    query.targetType === undefined ? undefined : eq(a.targetType, query.targetType),
    start === undefined ? undefined : gte(a.at, start),
    end === undefined ? undefined : lt(a.at, end),
    query.cursor === undefined ? undefined : lt(a.seq, decodeAuditCursor(query.cursor)),
  ]
  return ormOf(q)
    .select({
      seq: a.seq,
      at: a.at,
      actor: { type: a.actorType, id: a.actorId, name: sql<string | null>`COALESCE(${actorUser.name}, ${actorKey.name})` },
      action: a.action,
      target: { type: a.targetType, id: a.targetId, name: sql<string | null>`COALESCE(${targetUser.name}, ${targetKey.name})` },
      details: a.details,
      requestId: a.requestId,
    })
    .from(a)
    .leftJoin(actorUser, and(eq(a.actorType, 'user'), eq(actorUser.id, a.actorId)))
    .leftJoin(actorKey, and(eq(a.actorType, 'apiKey'), eq(actorKey.id, a.actorId)))
    .leftJoin(targetUser, and(eq(a.targetType, 'user'), eq(targetUser.id, a.targetId)))
    .leftJoin(targetKey, and(eq(a.targetType, 'api-key'), eq(targetKey.id, a.targetId)))
    .where(and(...filters))
    .orderBy(desc(a.seq))
    .limit(query.limit + 1)
}

/**
 * One page of the audit log and the cursor of the next, if any.
 * @example const page = await listAudit(db, { limit: 50 }, 'Asia/Shanghai')
 */
export async function listAudit(db: Queryable, query: AuditListQuery, timeZone: string): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const rows = await auditListStatement(db, query, timeZone)
  const items = rows.slice(0, query.limit).map(({ seq, target, ...entry }) => ({
    id: String(seq),
    ...entry,
    target: target.type === null ? null : { ...target, type: target.type },
  }))
  const last = rows[query.limit - 1]
  return { items, nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.seq) : null }
}
