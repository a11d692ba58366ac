/**
 * @module
 * Redeems a reward: spends its cost (the spend's own checks: balance, key, limits), takes stock
 * atomically, checks the reward's tiers, its exclusivity (tiering's `exclusiveRewards`) and the
 * per-customer limit, and issues one voucher per item, all
 * in one transaction, so a refusal changes nothing.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { addDays, type LedgerDeps } from '../ledger/ledger-deps.js'
import { spendPoints } from '../ledger/spend-points.js'
import type { LedgerEntry } from '../ledger/entry-store.js'
import { refusalOf, type RewardBenefits } from './reward-eligibility.js'
import { findReward, redeemedBy, takeStock } from './reward-store.js'
import { issueVoucher, vouchersOfEntry, type Voucher } from './voucher-store.js'

/** What a redemption takes; `benefitsOf` answers the customer's tier and exclusive rewards (none without tiering). */
export type RedeemInput = {
  customerId: string; rewardId: string; quantity: number; key: string; actor: string | null
  benefitsOf: (customerId: string) => Promise<RewardBenefits>
}

/**
 * @example const { vouchers } = await redeemReward(tx, ctx, { customerId, rewardId: 'tea-cup', quantity: 1, key: 'r-1', actor })
 */
export async function redeemReward(tx: Queryable, deps: LedgerDeps, input: RedeemInput): Promise<{ entry: LedgerEntry; vouchers: Voucher[]; repeated: boolean }> {
  const reward = await findReward(tx, input.rewardId)
  if (!reward?.active) throw pointsErrors.REWARD_NOT_FOUND({ rewardId: input.rewardId })
  const { entry, repeated } = await spendPoints(tx, deps, {
    customerId: input.customerId, points: reward.costPoints * input.quantity, key: `redeem:${input.key}`, reference: `reward:${reward.id}:${input.quantity}`, actor: input.actor,
  })
  if (repeated) return { entry, vouchers: await vouchersOfEntry(tx, entry.entryId), repeated }
  // Checked after the spend locked the member, so two redemptions of one customer cannot both pass.
  if (reward.tiers || reward.exclusive) {
    const benefits = await input.benefitsOf(input.customerId)
    const refusal = refusalOf(reward, benefits)
    if (refusal === 'tier') throw pointsErrors.REWARD_TIER_NOT_ALLOWED({ rewardId: reward.id, tier: benefits.tier, tiers: reward.tiers ?? [] })
    if (refusal === 'exclusive') throw pointsErrors.REWARD_EXCLUSIVE({ rewardId: reward.id, tier: benefits.tier })
  }
  if (reward.perCustomerLimit !== null) {
    const redeemed = await redeemedBy(tx, input.customerId, reward.id)
    if (redeemed + input.quantity > reward.perCustomerLimit) throw pointsErrors.REWARD_LIMIT_REACHED({ rewardId: reward.id, limit: reward.perCustomerLimit, redeemed })
  }
  if (!(await takeStock(tx, reward, input.quantity))) {
    throw pointsErrors.OUT_OF_STOCK({ rewardId: reward.id, stock: (await findReward(tx, reward.id))?.stock ?? 0, requested: input.quantity })
  }
  const issuedAt = deps.now().toISOString()
  const expiresAt = addDays(issuedAt, reward.voucherValidDays)
  const vouchers: Voucher[] = []
  for (let i = 0; i < input.quantity; i += 1) {
    vouchers.push(await issueVoucher(tx, { customerId: input.customerId, rewardId: reward.id, entryId: entry.entryId, issuedAt, expiresAt }))
  }
  vouchers.sort((a, b) => (a.code < b.code ? -1 : 1)) // the order a repeat reads them back in
  return { entry, vouchers, repeated }
}
