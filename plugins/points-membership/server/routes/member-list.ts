/**
 * @module
 * `GET /members`: the members, newest first, one page at a time, with each one's balance,
 * lifetime earned and the points expiring within `expiringSoonDays`, in one query (the expiring
 * sum is a correlated subquery on the lots' (customer, expiry) index). The balance is as of now:
 * lots past their expiry are left out even before the expiry job has run.
 */
import { commonErrors, defineRoute, jsonResponse, policies, type Queryable, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { memberListQuery, memberPageSchema, type MemberListQuery, type MemberSummary } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { addDays } from '../ledger/ledger-deps.js'

type Row = {
  seq: number; customer_id: string; member_no: string; status: MemberSummary['status']; joined_at: string
  balance: number; debt: number; lifetime_earned: number; expiring_soon: number
}

/** Escapes LIKE wildcards with `!` as the escape character. */
const escapeLike = (v: string) => v.replace(/[!%_]/g, (ch) => `!${ch}`)

/**
 * One page of members matching the query: `q` (a member number's start, any case, or a customer
 * id) and `customerId` (a set, e.g. the customers a name search found) match either; `status` narrows.
 * @example await listMembers(ctx.db, { limit: 20, status: 'active' }, now, expiringBefore)
 */
export async function listMembers(db: Queryable, query: MemberListQuery, now: string, expiringBefore: string) {
  const where: string[] = []
  const params: (string | number)[] = []
  const ids = query.customerId === undefined ? [] : Array.isArray(query.customerId) ? query.customerId : [query.customerId]
  const any: string[] = []
  if (query.q !== undefined) {
    any.push("UPPER(m.member_no) LIKE ? ESCAPE '!'", 'm.customer_id = ?')
    params.push(`${escapeLike(query.q.toUpperCase())}%`, query.q)
  }
  if (ids.length > 0) {
    any.push(`m.customer_id IN (${ids.map(() => '?').join(', ')})`)
    params.push(...ids)
  }
  if (any.length > 0) where.push(`(${any.join(' OR ')})`)
  if (query.status !== undefined) { where.push('m.status = ?'); params.push(query.status) }
  if (query.cursor !== undefined) { where.push('m.seq < ?'); params.push(Number(query.cursor)) }
  const rows = await db.all<Row>(
    `SELECT m.seq, m.customer_id, m.member_no, m.status, m.joined_at, m.debt, m.lifetime_earned,
       m.balance - COALESCE((SELECT SUM(l.remaining) FROM points_lots l
         WHERE l.customer_id = m.customer_id AND l.remaining > 0 AND l.expires_at <= ?), 0) AS balance,
       COALESCE((SELECT SUM(l.remaining) FROM points_lots l
         WHERE l.customer_id = m.customer_id AND l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?), 0) AS expiring_soon
     FROM points_members m ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.seq DESC LIMIT ?`,
    [now, now, expiringBefore, ...params, query.limit + 1],
  )
  const page = rows.slice(0, query.limit)
  const items: MemberSummary[] = page.map((r) => ({
    customerId: r.customer_id, memberNo: r.member_no, status: r.status, joinedAt: r.joined_at,
    balance: Number(r.balance), debt: Number(r.debt), lifetimeEarned: Number(r.lifetime_earned), expiringSoon: Number(r.expiring_soon),
  }))
  return { items, nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.seq) : null }
}

/** @example ctx.route(memberListRoute(ctx)) */
export const memberListRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/members', access: policies.staffRead('customers:read'),
    summary: 'The members, newest first: search by member number, customer id or a set of customers; filter by status',
    request: { query: memberListQuery },
    responses: { 200: jsonResponse(memberPageSchema, 'One page of members'), ...commonErrors },
  },
  async (c) => {
    const now = ctx.now().toISOString()
    return c.json(await listMembers(ctx.db, c.req.valid('query'), now, addDays(now, ctx.config.expiringSoonDays)), 200)
  },
)
