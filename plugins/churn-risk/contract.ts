/**
 * @module
 * churn-risk's contract: what other plugins may rely on, without its server. Import it as
 * `@rapport/plugin-churn-risk/contract` (types only): `churn.risk.high`, `churn.winback.offered`
 * and the `churnRisk.*` profile fields become typed in the importer.
 */
import { type ContractEvents, type ContractProfile, defineContract } from '@rapport/plugin-sdk'
import { EVENT_PREFIXES, events } from './server/events.js'
import { profile } from './server/profile.js'

export const contract = defineContract({ name: 'churn-risk', namespace: 'churnRisk', eventPrefixes: EVENT_PREFIXES, events, profile })
/** The contract's type, for `import type` (the import alone brings its events and fields into scope). */
export type ChurnRiskContract = typeof contract

declare module '@rapport/plugin-sdk' {
  interface EventMap extends ContractEvents<ChurnRiskContract> {}
  interface ProfileFieldMap extends ContractProfile<ChurnRiskContract> {}
}
