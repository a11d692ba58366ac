/**
 * @module
 * `GET /vouchers`: the vouchers redemptions issued, newest first, with the reward's name and cost
 * and the holder's member number,
 * one page at a time (keyset on issue time, then code).
 */
import { commonErrors, defineRoute, jsonResponse, policies, type PluginContext, type PluginRoute, type Queryable } from '@rapport/plugin-sdk'
import { voucherListQuery, voucherPageSchema, type VoucherListQuery, type VoucherRow } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'

type Row = {
  code: string; customer_id: string; reward_id: string; status: VoucherRow['status']; issued_at: string; expires_at: string
  used_at: string | null; voided_at: string | null; reward_name: string | null; cost_points: number | null; member_no: string | null
}

/** @example await listVouchers(ctx.db, { limit: 20, status: 'issued' }) */
export async function listVouchers(db: Queryable, query: VoucherListQuery) {
  const where: string[] = []
  const params: (string | number)[] = []
  if (query.customerId !== undefined) { where.push('v.customer_id = ?'); params.push(query.customerId) }
  if (query.rewardId !== undefined) { where.push('v.reward_id = ?'); params.push(query.rewardId) }
  if (query.status !== undefined) { where.push('v.status = ?'); params.push(query.status) }
  if (query.cursor !== undefined) {
    const [issuedAt, code] = query.cursor.split('~') as [string, string]
    where.push('(v.issued_at < ? OR (v.issued_at = ? AND v.code < ?))')
    params.push(issuedAt, issuedAt, code)
  }
  const rows = await db.all<Row>(
    `SELECT v.code, v.customer_id, v.reward_id, v.status, v.issued_at, v.expires_at, v.used_at, v.voided_at, r.name AS reward_name, r.cost_points, m.member_no
     FROM points_vouchers v LEFT JOIN points_rewards r ON r.id = v.reward_id LEFT JOIN points_members m ON m.customer_id = v.customer_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.issued_at DESC, v.code DESC LIMIT ?`,
    [...params, query.limit + 1],
  )
  const page = rows.slice(0, query.limit)
  const items: VoucherRow[] = page.map((r) => ({
    code: r.code, customerId: r.customer_id, rewardId: r.reward_id, status: r.status, issuedAt: r.issued_at, expiresAt: r.expires_at,
    usedAt: r.used_at, voidedAt: r.voided_at, rewardName: r.reward_name, costPoints: r.cost_points === null ? null : Number(r.cost_points), memberNo: r.member_no,
  }))
  const last = page[page.length - 1]
  return { items, nextCursor: rows.length > query.limit && last ? `${last.issued_at}~${last.code}` : null }
}

/** @example ctx.route(voucherListRoute(ctx)) */
export const voucherListRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/vouchers', access: policies.staffRead('customers:read'),
    summary: 'The vouchers redemptions issued, newest first; by customer, reward or status',
    request: { query: voucherListQuery },
    responses: { 200: jsonResponse(voucherPageSchema, 'One page of vouchers'), ...commonErrors },
  },
  async (c) => c.json(await listVouchers(ctx.db, c.req.valid('query')), 200),
)
