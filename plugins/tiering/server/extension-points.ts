/**
 * @module
 * `tiering.benefits`: what a customer's tier earns them, for other plugins (points-membership
 * multiplies points, complaint-tracking orders its queue by SLA priority).
 */
import type { Tier } from '../shared/vocabulary.js'

/** A customer's tier benefits. `tier` is null for a customer with no order yet (iron benefits apply). */
export type TierBenefits = {
  tier: Tier | null
  pointsMultiplier: number
  exclusiveRewards: string[]
  slaPriority: 'normal' | 'high' | 'urgent'
}

declare module '@rapport/plugin-sdk' {
  interface ExtensionPointMap {
    'tiering.benefits': (customerId: string) => Promise<TierBenefits>
  }
}

export const extensionPoints = {
  'tiering.benefits': { description: "A customer's tier benefits: points multiplier, exclusive rewards, SLA priority. (customerId) => Promise<TierBenefits>" },
}
