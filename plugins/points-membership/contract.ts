/**
 * @module
 * points-membership's contract: what other plugins may rely on, without its server. Import it as
 * `@rapport/plugin-points-membership/contract` (types only): its events (`points.*`), its profile
 * fields (`points.balance`, …) and the `points.credit` extension point become typed in the importer.
 */
import { type ContractEvents, type ContractExtensionPoints, type ContractProfile, defineContract, extensionPoint, type Queryable } from '@rapport/plugin-sdk'
import { events } from './server/events.js'
import { profile } from './server/profile.js'

/** What `points.credit` takes: a credit from another plugin, once per `key`; pass `tx` to join the caller's transaction. */
export type PointsCreditInput = { customerId: string; points: number; key: string; reason: string; source: string; tx?: Queryable }
/** What `points.credit` answers. */
export type PointsCreditResult =
  | { credited: true; repeated: boolean; entryId: string; points: number; balance: number }
  | { credited: false; reason: string }
/** The `points.credit` extension point: goodwill and other credits from other plugins. */
export type PointsCredit = (input: PointsCreditInput) => Promise<PointsCreditResult>

export const contract = defineContract({
  name: 'points-membership', namespace: 'points', events, profile,
  extensionPoints: { 'points.credit': extensionPoint<PointsCredit>('Credit points to a customer once per key (complaint goodwill); returns the entry and balance') },
})
/** The contract's type, for `import type` (the import alone brings its events, fields and extension points into scope). */
export type PointsContract = typeof contract

declare module '@rapport/plugin-sdk' {
  interface EventMap extends ContractEvents<PointsContract> {}
  interface ProfileFieldMap extends ContractProfile<PointsContract> {}
  interface ExtensionPointMap extends ContractExtensionPoints<PointsContract> {}
}
