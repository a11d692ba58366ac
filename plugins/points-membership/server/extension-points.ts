/**
 * @module
 * The extension points points-membership uses. `tiering.benefits` is owned by the tiering plugin;
 * it is declared here by declaration merging (same shape as the SDK documents) because plugins
 * never import each other. `ctx.use('tiering.benefits')` is undefined while tiering is off.
 */

/**
 * What tiering answers for a customer; only `pointsMultiplier` is read here. Declaration merging
 * needs the exact type the tiering plugin declares, so this repeats it whole.
 */
export type TierBenefits = {
  tier: 'diamond' | 'silver' | 'bronze' | 'iron' | null
  pointsMultiplier: number
  exclusiveRewards: string[]
  slaPriority: 'normal' | 'high' | 'urgent'
}

declare module '@rapport/plugin-sdk' {
  interface ExtensionPointMap {
    'tiering.benefits': (customerId: string) => Promise<TierBenefits>
  }
}
