/**
 * @module
 * Uses a voucher at the till: once, before it expires.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { findVoucher, markVoucherUsed, type Voucher } from './voucher-store.js'

/** @example const voucher = await useVoucher(tx, 'K7PX-3MQA-9TWE', ctx.now().toISOString()) */
export async function useVoucher(tx: Queryable, code: string, now: string): Promise<Voucher> {
  if (await markVoucherUsed(tx, code, now)) return (await findVoucher(tx, code))!
  const voucher = await findVoucher(tx, code)
  if (!voucher) throw pointsErrors.VOUCHER_NOT_FOUND({ code })
  if (voucher.status === 'used') throw pointsErrors.VOUCHER_USED({ code, usedAt: voucher.usedAt ?? '' })
  if (voucher.status === 'void') throw pointsErrors.VOUCHER_VOID({ code, voidedAt: voucher.voidedAt ?? '' })
  throw pointsErrors.VOUCHER_EXPIRED({ code, expiresAt: voucher.expiresAt })
}
