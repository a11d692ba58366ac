/**
 * @module
 * Who may redeem a reward, from tiering's `tiering.benefits` (read through its extension point,
 * never its tables): a reward limited to `tiers` needs the customer's value tier among them, and
 * an `exclusive` reward needs the customer's tier benefits to name it in `exclusiveRewards`.
 * While tiering is off nobody has a tier or an exclusive reward. Redemptions refuse, and the
 * member page leaves out, what the customer may not redeem.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { Reward, Tier } from './reward-store.js'

/** What a customer's tier gives them for rewards. */
export type RewardBenefits = { tier: Tier | null; exclusiveRewards: readonly string[] }

/** @example const benefits = await rewardBenefits(ctx, customerId) // { tier: 'diamond', exclusiveRewards: ['diamond-gift'] } */
export async function rewardBenefits(ctx: Pick<PluginContext, 'use'>, customerId: string): Promise<RewardBenefits> {
  const benefits = ctx.use('tiering.benefits')
  if (!benefits) return { tier: null, exclusiveRewards: [] }
  const answer = await benefits(customerId)
  const exclusive = Array.isArray(answer.exclusiveRewards) ? answer.exclusiveRewards.filter((id): id is string => typeof id === 'string') : []
  return { tier: (answer.tier ?? null) as Tier | null, exclusiveRewards: exclusive }
}

/**
 * Why the customer may not redeem the reward, or null when they may.
 * @example refusalOf(reward, benefits) // 'exclusive'
 */
export function refusalOf(reward: Pick<Reward, 'id' | 'tiers' | 'exclusive'>, benefits: RewardBenefits): 'tier' | 'exclusive' | null {
  if (reward.tiers && (!benefits.tier || !reward.tiers.includes(benefits.tier))) return 'tier'
  if (reward.exclusive && !benefits.exclusiveRewards.includes(reward.id)) return 'exclusive'
  return null
}
