/**
 * @module
 * A voucher as a till sees it, and what a till does with it: look a code up without using it
 * (status, reward and its value, whose it is, expiry), use it under the till's idempotency key
 * with the order it was used on, and undo that use within `voucherUndoMinutes`.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { RewardValue, TillVoucher } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { useVoucher as spendVoucherCode } from './use-voucher.js'
import { currentUse, findUse, markUseUndone, recordUse, type VoucherUse } from './voucher-use-store.js'
import { markVoucherUnused } from './voucher-store.js'

/** What the till functions need from the plugin context. */
export type TillDeps = Pick<PluginContext<PointsConfig>, 'config' | 'customers'>

type Row = {
  code: string; customer_id: string; status: 'issued' | 'used' | 'void'; issued_at: string; expires_at: string; used_at: string | null; voided_at: string | null
  reward_id: string; reward_name: string | null; reward_kind: TillVoucher['reward']['kind'] | null; reward_value: string | null; member_no: string | null
}
const LOOK_UP = `SELECT v.code, v.customer_id, v.status, v.issued_at, v.expires_at, v.used_at, v.voided_at, v.reward_id,
    r.name AS reward_name, r.kind AS reward_kind, r.value AS reward_value, m.member_no
  FROM points_vouchers v LEFT JOIN points_rewards r ON r.id = v.reward_id LEFT JOIN points_members m ON m.customer_id = v.customer_id
  WHERE v.code = ?`

const minutesAfter = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/**
 * The voucher as of `now`: an issued code past its expiry shows `expired`. Reads only.
 * @example const voucher = await lookUpVoucher(ctx.db, ctx, 'K7PX-3MQA-9TWE', ctx.now().toISOString())
 */
export async function lookUpVoucher(q: Queryable, deps: TillDeps, code: string, now: string): Promise<TillVoucher> {
  const row = await q.get<Row>(LOOK_UP, [code])
  if (!row) throw pointsErrors.VOUCHER_NOT_FOUND({ code })
  const use = row.status === 'used' ? await currentUse(q, code) : undefined
  const window = deps.config.voucherUndoMinutes
  return {
    code: row.code,
    status: row.status === 'issued' && row.expires_at <= now ? 'expired' : row.status,
    issuedAt: row.issued_at, expiresAt: row.expires_at, usedAt: row.used_at, voidedAt: row.voided_at,
    reward: {
      id: row.reward_id, name: row.reward_name ?? row.reward_id, kind: row.reward_kind ?? 'voucher',
      value: row.reward_value ? (JSON.parse(row.reward_value) as RewardValue) : null,
    },
    customer: { id: row.customer_id, name: (await deps.customers.name(row.customer_id, q)) ?? null, memberNo: row.member_no },
    use: use ? { idempotencyKey: use.idempotencyKey, orderReference: use.orderReference, usedAt: use.usedAt, undoableUntil: window > 0 ? minutesAfter(use.usedAt, window) : null } : null,
  }
}

/** What a use at the till takes. */
export type TillUseInput = { code: string; key: string; orderReference: string; actor: string | null; now: string }

/**
 * Uses a code once. A repeat of the key for the code returns the voucher with `repeated: true`
 * (even after the use was undone, so a late retry never uses it twice); the key with another
 * order is a 409 `POINTS_KEY_REUSED`.
 * @example const { voucher, repeated } = await useAtTill(tx, ctx, { code, key: 'till-4-0815', orderReference: 'POS-4-20261207-0815', actor, now })
 */
export async function useAtTill(tx: Queryable, deps: TillDeps, input: TillUseInput): Promise<{ voucher: TillVoucher; repeated: boolean }> {
  const seen = await findUse(tx, input.code, input.key)
  if (seen) return { voucher: await lookUpVoucher(tx, deps, input.code, input.now), repeated: repeatOf(seen, input) }
  await spendVoucherCode(tx, input.code, input.now) // marks it used, or throws why not (unknown, used, void, expired)
  await recordUse(tx, { code: input.code, idempotencyKey: input.key, orderReference: input.orderReference, usedAt: input.now, actor: input.actor })
  return { voucher: await lookUpVoucher(tx, deps, input.code, input.now), repeated: false }
}

const repeatOf = (seen: VoucherUse, input: TillUseInput): true => {
  if (seen.orderReference !== input.orderReference) throw pointsErrors.KEY_REUSED({ key: input.key })
  return true
}

/** What an undo takes: the key the use was made with. */
export type TillUndoInput = { code: string; key: string; reason: string | null; actor: string | null; now: string }

/**
 * Undoes the use made under `key` while the window is open: the code is issued again. Undoing an
 * undone use returns the voucher with `repeated: true`.
 * @example await undoTillUse(tx, ctx, { code, key: 'till-4-0815', reason: 'wrong customer', actor, now })
 */
export async function undoTillUse(tx: Queryable, deps: TillDeps, input: TillUndoInput): Promise<{ voucher: TillVoucher; repeated: boolean }> {
  const use = await findUse(tx, input.code, input.key)
  if (!use) throw pointsErrors.VOUCHER_USE_NOT_FOUND({ code: input.code, key: input.key })
  if (use.undoneAt) return { voucher: await lookUpVoucher(tx, deps, input.code, input.now), repeated: true }
  const undoableUntil = minutesAfter(use.usedAt, deps.config.voucherUndoMinutes)
  if (input.now > undoableUntil) throw pointsErrors.VOUCHER_UNDO_WINDOW_PASSED({ code: input.code, usedAt: use.usedAt, undoableUntil })
  if (!(await markUseUndone(tx, use.id, input.now, input.reason, input.actor)) || !(await markVoucherUnused(tx, input.code))) {
    throw new Error(`voucher ${input.code} changed under its use`)
  }
  return { voucher: await lookUpVoucher(tx, deps, input.code, input.now), repeated: false }
}
