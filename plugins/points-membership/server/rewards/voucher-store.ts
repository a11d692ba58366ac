/**
 * @module
 * Voucher codes: issued by a redemption, used at most once, before they expire.
 */
import { randomFillSync } from 'node:crypto'
import type { Queryable } from '@rapport/plugin-sdk'

/** A voucher as routes return it. */
export type Voucher = {
  code: string; rewardId: string; status: 'issued' | 'used' | 'void'; issuedAt: string; expiresAt: string; usedAt: string | null; voidedAt: string | null
}

type Row = { code: string; reward_id: string; status: Voucher['status']; issued_at: string; expires_at: string; used_at: string | null; voided_at: string | null }
const toVoucher = (r: Row): Voucher => ({
  code: r.code, rewardId: r.reward_id, status: r.status, issuedAt: r.issued_at, expiresAt: r.expires_at, usedAt: r.used_at, voidedAt: r.voided_at,
})
const COLUMNS = 'code, reward_id, status, issued_at, expires_at, used_at, voided_at'
const INSERT = `INSERT INTO points_vouchers (code, customer_id, reward_id, entry_id, status, issued_at, expires_at) VALUES (?, ?, ?, ?, 'issued', ?, ?)`
const USE = "UPDATE points_vouchers SET status = 'used', used_at = ? WHERE code = ? AND status = 'issued' AND expires_at > ?"
const UNUSE = "UPDATE points_vouchers SET status = 'issued', used_at = NULL WHERE code = ? AND status = 'used'"
const VOID = "UPDATE points_vouchers SET status = 'void', voided_at = ? WHERE code = ? AND status = 'issued' RETURNING customer_id"

/** No 0/O, 1/I/L: codes are read aloud and typed at a till. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

// Random bytes come from a pooled CSPRNG buffer (one fill per ~20 codes, not one call per
// character); a byte at or above the largest multiple of 31 is skipped, so every character stays
// equally likely.
const pool = Buffer.alloc(256)
let used = pool.length
const LIMIT = 256 - (256 % ALPHABET.length)
function randomChar(): string {
  for (;;) {
    if (used === pool.length) {
      randomFillSync(pool)
      used = 0
    }
    const byte = pool[used++]!
    if (byte < LIMIT) return ALPHABET[byte % ALPHABET.length]!
  }
}

/** A random 12-character code in groups of four. @example newVoucherCode() // 'K7PX-3MQA-9TWE' */
export function newVoucherCode(): string {
  let code = ''
  for (let i = 0; i < 12; i += 1) code += (i > 0 && i % 4 === 0 ? '-' : '') + randomChar()
  return code
}

/** @example await issueVoucher(tx, { customerId, rewardId, entryId, issuedAt, expiresAt }) */
export async function issueVoucher(tx: Queryable, v: { customerId: string; rewardId: string; entryId: string; issuedAt: string; expiresAt: string }): Promise<Voucher> {
  const code = newVoucherCode()
  await tx.run(INSERT, [code, v.customerId, v.rewardId, v.entryId, v.issuedAt, v.expiresAt])
  return { code, rewardId: v.rewardId, status: 'issued', issuedAt: v.issuedAt, expiresAt: v.expiresAt, usedAt: null, voidedAt: null }
}

/** @example await findVoucher(tx, 'K7PX-3MQA-9TWE') */
export async function findVoucher(q: Queryable, code: string): Promise<Voucher | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM points_vouchers WHERE code = ?`, [code])
  return row && toVoucher(row)
}

/** The vouchers a redemption's ledger entry issued. @example await vouchersOfEntry(tx, entryId) */
export async function vouchersOfEntry(q: Queryable, entryId: string): Promise<Voucher[]> {
  return (await q.all<Row>(`SELECT ${COLUMNS} FROM points_vouchers WHERE entry_id = ? ORDER BY code`, [entryId])).map(toVoucher)
}

/** Marks a voucher used if it is issued and unexpired; true when this call used it. @example await useVoucher(tx, code, now) */
export async function markVoucherUsed(tx: Queryable, code: string, now: string): Promise<boolean> {
  return (await tx.run(USE, [now, code, now])).changes === 1
}

/** Puts a used code back to issued (its use undone); true when it was used. @example await markVoucherUnused(tx, code) */
export async function markVoucherUnused(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.run(UNUSE, [code])).changes === 1
}

/** Voids an issued voucher (used or void ones stay); its customer when this call voided it. @example await markVoucherVoid(tx, code, now) */
export async function markVoucherVoid(tx: Queryable, code: string, now: string): Promise<string | undefined> {
  return (await tx.get<{ customer_id: string }>(VOID, [now, code]))?.customer_id
}
