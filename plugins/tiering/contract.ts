/**
 * @module
 * tiering's contract: what other plugins may rely on, without its server. Import it as
 * `@rapport/plugin-tiering/contract` (types only): `tier.changed` and `ladder.changed`, the
 * `tiering.*` profile fields and the `tiering.benefits` extension point become typed in the importer.
 */
import { type ContractEvents, type ContractExtensionPoints, type ContractProfile, defineContract, extensionPoint } from '@rapport/plugin-sdk'
import type { Tier } from './shared/vocabulary.js'
import { EVENT_PREFIXES, events } from './server/events.js'
import { profile } from './server/profile.js'

/** A customer's tier benefits. `tier` is null for a customer with no order yet (iron benefits apply). */
export type TierBenefits = {
  tier: Tier | null
  pointsMultiplier: number
  exclusiveRewards: string[]
  slaPriority: 'normal' | 'high' | 'urgent'
}

/** A customer's standing against the next tier up (`next` null at the top) and when the tier is next reviewed (null: it is not). */
export type TierProgress = {
  tier: Tier | null
  next: Tier | null
  /** What tiers are measured on: net spend in the window (minor units) or points. */
  basis: 'spend' | 'pointsBalance' | 'pointsLifetime'
  value: number
  /** The value the next tier starts at; null when unknown (percentiles before the first full re-evaluation). */
  target: number | null
  remaining: number | null
  windowDays: number
  reviewAt: string | null
}

export const contract = defineContract({
  name: 'tiering', namespace: 'tiering', eventPrefixes: EVENT_PREFIXES, events, profile,
  extensionPoints: {
    'tiering.benefits': extensionPoint<(customerId: string) => Promise<TierBenefits>>(
      "A customer's tier benefits: points multiplier, exclusive rewards, SLA priority. (customerId) => Promise<TierBenefits>",
    ),
    'tiering.progress': extensionPoint<(customerId: string, now: Date) => Promise<TierProgress>>(
      "A customer's progress to the next tier and when the tier is next reviewed. (customerId, now) => Promise<TierProgress>",
    ),
  },
})
/** The contract's type, for `import type` (the import alone brings its events, fields and extension points into scope). */
export type TieringContract = typeof contract

declare module '@rapport/plugin-sdk' {
  interface EventMap extends ContractEvents<TieringContract> {}
  interface ProfileFieldMap extends ContractProfile<TieringContract> {}
  interface ExtensionPointMap extends ContractExtensionPoints<TieringContract> {}
}
