/**
 * @module
 * The wallet parts of the member's own page: their vouchers (usable first), the points expiring
 * in the next 30/60/90 days, and the progress to the next tier read through tiering's
 * `tiering.progress` extension point (never its tables; null while tiering is off).
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { MemberPageView, RewardValue } from '../../shared/schemas.js'
import { addDays } from '../ledger/ledger-deps.js'

type VoucherRow = {
  code: string; status: 'issued' | 'used' | 'void'; issued_at: string; expires_at: string; used_at: string | null
  reward_name: string | null; kind: 'voucher' | 'discount' | 'gift' | null; value: string | null
}
const SELECT = `SELECT v.code, v.status, v.issued_at, v.expires_at, v.used_at, r.name AS reward_name, r.kind, r.value
  FROM points_vouchers v LEFT JOIN points_rewards r ON r.id = v.reward_id WHERE v.customer_id = ?`
/** Spent, voided and expired vouchers shown below the usable ones. */
const PAST_LIMIT = 10

const toWallet = (r: VoucherRow, now: string): MemberPageView['vouchers'][number] => ({
  code: r.code, rewardName: r.reward_name, kind: r.kind, value: r.value ? (JSON.parse(r.value) as RewardValue) : null,
  status: r.status === 'issued' && r.expires_at <= now ? 'expired' : r.status,
  issuedAt: r.issued_at, expiresAt: r.expires_at, usedAt: r.used_at,
})

/** @example await walletVouchers(ctx.db, customerId, now) */
export async function walletVouchers(q: Queryable, customerId: string, now: string): Promise<MemberPageView['vouchers']> {
  const usable = await q.all<VoucherRow>(`${SELECT} AND v.status = 'issued' AND v.expires_at > ? ORDER BY v.expires_at, v.code`, [customerId, now])
  const past = await q.all<VoucherRow>(`${SELECT} AND NOT (v.status = 'issued' AND v.expires_at > ?) ORDER BY v.issued_at DESC, v.code DESC LIMIT ${PAST_LIMIT}`, [customerId, now])
  return [...usable, ...past].map((r) => toWallet(r, now))
}

/** @example expiringWithin(view.lots, now) // { days30: 120, days60: 120, days90: 300 } */
export function expiringWithin(lots: readonly { remaining: number; expiresAt: string }[], now: string): MemberPageView['expiringWithin'] {
  const within = (days: number) => {
    const horizon = addDays(now, days)
    return lots.reduce((n, l) => (l.remaining > 0 && l.expiresAt > now && l.expiresAt <= horizon ? n + l.remaining : n), 0)
  }
  return { days30: within(30), days60: within(60), days90: within(90) }
}

/** @example await tierProgressOf(ctx, customerId, ctx.now()) */
export async function tierProgressOf(ctx: Pick<PluginContext, 'use' | 'db'>, customerId: string, now: Date): Promise<MemberPageView['tierProgress']> {
  const progress = ctx.use('tiering.progress')
  if (!progress) return null
  const p = await progress(customerId, now)
  const order = await ctx.db.get<{ currency: string }>('SELECT currency FROM points_orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1', [customerId])
  return { next: p.next, basis: p.basis, value: p.value, target: p.target, remaining: p.remaining, windowDays: p.windowDays, currency: order?.currency ?? null, reviewAt: p.reviewAt }
}
