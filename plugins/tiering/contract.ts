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

export const contract = defineContract({
  name: 'tiering', namespace: 'tiering', eventPrefixes: EVENT_PREFIXES, events, profile,
  extensionPoints: {
    'tiering.benefits': extensionPoint<(customerId: string) => Promise<TierBenefits>>(
      "A customer's tier benefits: points multiplier, exclusive rewards, SLA priority. (customerId) => Promise<TierBenefits>",
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
