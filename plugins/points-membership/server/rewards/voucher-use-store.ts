/**
 * @module
 * Uses of voucher codes at a till: one row per use, unique on (code, the till's idempotency key),
 * so a repeated request finds its first use, and an undo names the use by that key.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'

/** One use of a code. */
export type VoucherUse = {
  id: string; code: string; idempotencyKey: string; orderReference: string; usedAt: string; undoneAt: string | null
}

type Row = { id: string; code: string; idempotency_key: string; order_reference: string; used_at: string; undone_at: string | null }
const toUse = (r: Row): VoucherUse => ({
  id: r.id, code: r.code, idempotencyKey: r.idempotency_key, orderReference: r.order_reference, usedAt: r.used_at, undoneAt: r.undone_at,
})
const COLUMNS = 'id, code, idempotency_key, order_reference, used_at, undone_at'
const INSERT = `INSERT INTO points_voucher_uses (id, code, idempotency_key, order_reference, used_at, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
const UNDO = 'UPDATE points_voucher_uses SET undone_at = ?, undo_reason = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL'

/** The use a till made of `code` under `key`. @example await findUse(tx, 'K7PX-3MQA-9TWE', 'till-4-0815') */
export async function findUse(q: Queryable, code: string, key: string): Promise<VoucherUse | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM points_voucher_uses WHERE code = ? AND idempotency_key = ?`, [code, key])
  return row && toUse(row)
}

/** The latest use of `code` that was not undone. @example await currentUse(db, code) */
export async function currentUse(q: Queryable, code: string): Promise<VoucherUse | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM points_voucher_uses WHERE code = ? AND undone_at IS NULL ORDER BY used_at DESC, id DESC LIMIT 1`, [code])
  return row && toUse(row)
}

/** @example await recordUse(tx, { code, idempotencyKey, orderReference, usedAt, actor }) */
export async function recordUse(tx: Queryable, use: Omit<VoucherUse, 'id' | 'undoneAt'> & { actor: string | null }): Promise<VoucherUse> {
  const id = newId('pvu')
  await tx.run(INSERT, [id, use.code, use.idempotencyKey, use.orderReference, use.usedAt, use.actor, use.usedAt])
  return { id, code: use.code, idempotencyKey: use.idempotencyKey, orderReference: use.orderReference, usedAt: use.usedAt, undoneAt: null }
}

/** Marks a use undone; true when this call did. @example await markUseUndone(tx, use.id, now, 'wrong order', actor) */
export async function markUseUndone(tx: Queryable, id: string, at: string, reason: string | null, actor: string | null): Promise<boolean> {
  return (await tx.run(UNDO, [at, reason, actor, id])).changes === 1
}
