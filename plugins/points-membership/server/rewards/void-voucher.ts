/**
 * @module
 * Voids an unused voucher at the till (a cancelled sale, a customer changing their mind): the
 * code can no longer be used and the reward's cost comes back to the member as a restore entry
 * (a credit that leaves lifetime earned alone) with the reason, recorded with who voided it. Stock is not put back (the item may be gone).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { adjustPoints } from '../ledger/adjust-points.js'
import type { LedgerDeps } from '../ledger/ledger-deps.js'
import { findReward } from './reward-store.js'
import { findVoucher, markVoucherVoid, type Voucher } from './voucher-store.js'

/** @example await voidVoucher(tx, ctx, { code: 'K7PX-3MQA-9TWE', reason: 'sale cancelled', actor: 'apiKey:k1' }) */
export async function voidVoucher(tx: Queryable, deps: LedgerDeps, input: { code: string; reason: string; actor: string | null }): Promise<Voucher> {
  const { code } = input
  const customerId = await markVoucherVoid(tx, code, deps.now().toISOString())
  const voucher = await findVoucher(tx, code)
  if (!voucher) throw pointsErrors.VOUCHER_NOT_FOUND({ code })
  if (!customerId) {
    if (voucher.status === 'used') throw pointsErrors.VOUCHER_USED({ code, usedAt: voucher.usedAt ?? '' })
    throw pointsErrors.VOUCHER_VOID({ code, voidedAt: voucher.voidedAt ?? '' })
  }
  const reward = await findReward(tx, voucher.rewardId)
  if (reward && reward.costPoints > 0) {
    await adjustPoints(tx, deps, {
      customerId, points: reward.costPoints, reason: `voucher ${code} voided: ${input.reason}`, key: `void:${code}`, actor: input.actor, kind: 'restore',
    })
  }
  return voucher
}
