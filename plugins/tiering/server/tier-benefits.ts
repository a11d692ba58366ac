/**
 * @module
 * The implementation of `tiering.benefits`: a customer's current tier and what it earns, from
 * the config. A customer with no order yet gets the lowest tier's benefits with `tier: null`.
 */
import type { TierBenefits } from './extension-points.js'
import type { TieringContext } from './evaluation/types.js'
import { customerRow } from './store/customer-row.js'

/** @example ctx.provide('tiering.benefits', tierBenefits(ctx)) */
export const tierBenefits = (ctx: TieringContext) =>
  async function benefitsOf(customerId: string): Promise<TierBenefits> {
    // Points asks while it earns for an order: the row tiering's evaluation of that order just read (row-memo.ts).
    const tier = (await customerRow(ctx.db, customerId))?.tier ?? null
    const b = ctx.config.benefits[tier ?? 'iron']
    return { tier, pointsMultiplier: b.pointsMultiplier, exclusiveRewards: [...b.exclusiveRewards], slaPriority: b.slaPriority }
  }
