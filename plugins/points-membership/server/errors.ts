/**
 * @module
 * Every error points-membership throws. Each is a 4xx that leaves the ledger unchanged.
 */
import { defineErrors } from '@rapport/plugin-sdk'

/** @example throw pointsErrors.INSUFFICIENT_BALANCE({ available: 3, requested: 10 }) */
export const pointsErrors = defineErrors('POINTS', {
  MEMBER_NOT_FOUND: { status: 404, message: (d: { customerId: string }) => `Customer ${d.customerId} is not a member` },
  MEMBER_NOT_ACTIVE: { status: 409, message: (d: { customerId: string; status: string }) => `Member ${d.customerId} is ${d.status}` },
  INSUFFICIENT_BALANCE: { status: 409, message: (d: { available: number; requested: number }) => `Available balance ${d.available} is below ${d.requested}` },
  KEY_REUSED: { status: 409, message: (d: { key: string }) => `Idempotency key ${d.key} was used for a different request` },
  AMOUNT_OVER_LIMIT: { status: 422, message: (d: { points: number; limit: number }) => `${d.points} points is over the limit of ${d.limit}` },
  REWARD_NOT_FOUND: { status: 404, message: (d: { rewardId: string }) => `No active reward ${d.rewardId}` },
  REWARD_EXISTS: { status: 409, message: (d: { rewardId: string }) => `Reward ${d.rewardId} already exists` },
  OUT_OF_STOCK: { status: 409, message: (d: { rewardId: string; stock: number; requested: number }) => `Reward ${d.rewardId} has ${d.stock} left, ${d.requested} asked` },
  REWARD_LIMIT_REACHED: { status: 409, message: (d: { rewardId: string; limit: number; redeemed: number }) => `Reward ${d.rewardId} allows ${d.limit} per customer, ${d.redeemed} already redeemed` },
  REWARD_TIER_NOT_ALLOWED: { status: 409, message: (d: { rewardId: string; tier: string | null; tiers: string[] }) => `Reward ${d.rewardId} is for ${d.tiers.join(', ')}, not ${d.tier ?? 'customers without a tier'}` },
  REWARD_EXCLUSIVE: { status: 409, message: (d: { rewardId: string; tier: string | null }) => `Reward ${d.rewardId} is exclusive to tiers whose benefits name it, not ${d.tier ?? 'customers without a tier'}` },
  VOUCHER_NOT_FOUND: { status: 404, message: (d: { code: string }) => `No voucher ${d.code}` },
  VOUCHER_USED: { status: 409, message: (d: { code: string; usedAt: string }) => `Voucher ${d.code} was used at ${d.usedAt}` },
  VOUCHER_VOID: { status: 409, message: (d: { code: string; voidedAt: string }) => `Voucher ${d.code} was voided at ${d.voidedAt}` },
  VOUCHER_EXPIRED: { status: 422, message: (d: { code: string; expiresAt: string }) => `Voucher ${d.code} expired at ${d.expiresAt}` },
  VOUCHER_USE_NOT_FOUND: { status: 404, message: (d: { code: string; key: string }) => `Voucher ${d.code} was not used under key ${d.key}` },
  VOUCHER_UNDO_WINDOW_PASSED: { status: 409, message: (d: { code: string; usedAt: string; undoableUntil: string }) => `The use of voucher ${d.code} at ${d.usedAt} could be undone until ${d.undoableUntil}` },
  REWARD_VALUE_INVALID: { status: 422, message: (d: { kind: string; valueType: string; expected: string }) => `A ${d.kind} reward is worth ${d.expected}, not ${d.valueType}` },
  REFERRAL_CODE_NOT_FOUND: { status: 404, message: (d: { code: string }) => `No referral code ${d.code}` },
  REFERRAL_SELF: { status: 422, message: (d: { code: string }) => `Referral code ${d.code} belongs to the same customer (the code's owner, or the same phone or email)` },
  REFERRAL_EXISTS: { status: 409, message: (d: { customerId: string }) => `Customer ${d.customerId} already has a referrer` },
  REFERRAL_NOT_NEW: { status: 409, message: (d: { customerId: string }) => `Customer ${d.customerId} already ordered, so is no longer new to refer` },
  RANGE_INVALID: { status: 422, message: (d: { from: string; to: string; maxDays: number }) => `The range ${d.from} to ${d.to} is empty or longer than ${d.maxDays} days` },
  CAMPAIGN_NOT_FOUND: { status: 404, message: (d: { campaignId: string }) => `No campaign ${d.campaignId}` },
  CURRENCY_MISMATCH: { status: 422, message: (d: { currency: string; expected: string }) => `Currency ${d.currency} is not ${d.expected}` },
})
