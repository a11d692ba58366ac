/**
 * @module
 * The extension point churn-risk uses: `points.credit`, owned by points-membership. Plugins never
 * import each other, so its type is declared here by declaration merging, repeated whole (merged
 * declarations must be identical). `ctx.use('points.credit')` is undefined while points-membership is off.
 */

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
