/**
 * @module
 * The extension points points-membership offers (`points.credit`: credits from other plugins,
 * such as complaint goodwill; pass `tx` to join the caller's transaction) and uses.
 * `tiering.benefits` is owned by the tiering plugin;
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

/** What `points.credit` takes: a credit from another plugin, once per `key`. */
export type PointsCreditInput = { customerId: string; points: number; key: string; reason: string; source: string; tx?: import('@rapport/plugin-sdk').Queryable }
/** What `points.credit` answers. */
export type PointsCreditResult =
  | { credited: true; repeated: boolean; entryId: string; points: number; balance: number }
  | { credited: false; reason: string }
/** The `points.credit` extension point: goodwill and other credits from other plugins. */
export type PointsCredit = (input: PointsCreditInput) => Promise<PointsCreditResult>

declare module '@rapport/plugin-sdk' {
  interface ExtensionPointMap {
    'points.credit': PointsCredit
  }
}
