/**
 * @module
 * Referral codes (one per member, made on first ask) and referrals (one referrer per referee).
 */
import { randomInt } from 'node:crypto'
import type { Queryable } from '@rapport/plugin-sdk'

/** No 0/O, 1/I/L: a code is read aloud and typed at signup. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** `R` and 7 characters: about 2.7·10¹⁰ codes. @example newReferralCode() // 'RK7PX3MQ' */
export const newReferralCode = (): string => `R${Array.from({ length: 7 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`

/** A referral as stored. */
export type Referral = { refereeId: string; referrerId: string; code: string; linkedAt: string; orderId: string | null; rewardedAt: string | null }
type Row = { referee_id: string; referrer_id: string; code: string; linked_at: string; order_id: string | null; rewarded_at: string | null }
const toReferral = (r: Row): Referral => ({ refereeId: r.referee_id, referrerId: r.referrer_id, code: r.code, linkedAt: r.linked_at, orderId: r.order_id, rewardedAt: r.rewarded_at })

/** The member's code, made on first ask (a clash of random codes retries). @example await referralCodeOf(tx, customerId, now) */
export async function referralCodeOf(q: Queryable, customerId: string, at: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const found = await q.get<{ code: string }>('SELECT code FROM points_referral_codes WHERE customer_id = ?', [customerId])
    if (found) return found.code
    const made = await q.run('INSERT INTO points_referral_codes (customer_id, code, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [customerId, newReferralCode(), at])
    if (made.changes === 0 && attempt > 5) throw new Error('referral code: no free code after 6 attempts')
  }
}

/** Whose code this is (any case, spaces ignored). @example await ownerOfCode(tx, 'rk7px3mq') */
export async function ownerOfCode(q: Queryable, code: string): Promise<string | undefined> {
  return (await q.get<{ customer_id: string }>('SELECT customer_id FROM points_referral_codes WHERE code = ?', [code.replace(/\s+/g, '').toUpperCase()]))?.customer_id
}

/** @example await referralOf(tx, refereeId) */
export async function referralOf(q: Queryable, refereeId: string): Promise<Referral | undefined> {
  const row = await q.get<Row>('SELECT referee_id, referrer_id, code, linked_at, order_id, rewarded_at FROM points_referrals WHERE referee_id = ?', [refereeId])
  return row && toReferral(row)
}

/** Links a referee to a referrer; false when the referee already has one (one referrer per referee). */
export async function insertReferral(q: Queryable, r: Pick<Referral, 'refereeId' | 'referrerId' | 'code' | 'linkedAt'>): Promise<boolean> {
  const res = await q.run('INSERT INTO points_referrals (referee_id, referrer_id, code, linked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [r.refereeId, r.referrerId, r.code, r.linkedAt])
  return res.changes === 1
}

/** Marks a referral rewarded by an order; false when it already was (a repeat). */
export async function markRewarded(q: Queryable, refereeId: string, orderId: string, at: string): Promise<boolean> {
  return (await q.run('UPDATE points_referrals SET order_id = ?, rewarded_at = ? WHERE referee_id = ? AND rewarded_at IS NULL', [orderId, at, refereeId])).changes === 1
}

/** How many people a member referred, and how many of them were rewarded. */
export async function referralCounts(q: Queryable, referrerId: string): Promise<{ referred: number; rewarded: number }> {
  const row = await q.get<{ referred: number; rewarded: number | null }>(
    'SELECT COUNT(*) AS referred, SUM(CASE WHEN rewarded_at IS NULL THEN 0 ELSE 1 END) AS rewarded FROM points_referrals WHERE referrer_id = ?', [referrerId])
  return { referred: Number(row?.referred ?? 0), rewarded: Number(row?.rewarded ?? 0) }
}
