/**
 * @module
 * The implementation of `tiering.benefits`: a customer's current tier and what it earns, from
 * the config. A customer with no order yet gets the lowest tier's benefits with `tier: null`.
 */
import type { TierBenefits } from './extension-points.js'
import type { TieringContext } from './evaluation/types.js'
import type { Tier } from '../shared/vocabulary.js'

/** @example ctx.provide('tiering.benefits', tierBenefits(ctx)) */
export const tierBenefits = (ctx: TieringContext) =>
  async function benefitsOf(customerId: string): Promise<TierBenefits> {
    const row = await ctx.db.get<{ tier: Tier | null }>('SELECT tier FROM tiering_customers WHERE customer_id = ?', [customerId])
    const tier = row?.tier ?? null
    const b = ctx.config.benefits[tier ?? 'iron']
    return { tier, pointsMultiplier: b.pointsMultiplier, exclusiveRewards: [...b.exclusiveRewards], slaPriority: b.slaPriority }
  }
