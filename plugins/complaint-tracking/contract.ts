/**
 * @module
 * complaint-tracking's contract: what other plugins may rely on, without its server. Import it as
 * `@rapport/plugin-complaint-tracking/contract` (types only): `complaint.*` events and the
 * `complaints.*` profile fields become typed in the importer.
 */
import { type ContractEvents, type ContractProfile, defineContract } from '@rapport/plugin-sdk'
import { complaintsOpened, complaintsReopened, complaintsResolved, events } from './server/events.js'
import type { z } from '@rapport/plugin-sdk'
import { profile } from './server/profile.js'

export const contract = defineContract({ name: 'complaint-tracking', namespace: 'complaints', eventPrefixes: ['complaint'], events, profile })
/** The contract's type, for `import type` (the import alone brings its events and fields into scope). */
export type ComplaintsContract = typeof contract

/**
 * Types emitted before 0.3.0 (`complaints.*`, renamed `complaint.*`): no longer emitted, but still in
 * logs written then, so a subscriber that reads history may listen to them.
 */
export type RetiredComplaintEvents = {
  'complaints.opened': z.infer<typeof complaintsOpened>
  'complaints.resolved': z.infer<typeof complaintsResolved>
  'complaints.reopened': z.infer<typeof complaintsReopened>
}

declare module '@rapport/plugin-sdk' {
  interface EventMap extends ContractEvents<ComplaintsContract>, RetiredComplaintEvents {}
  interface ProfileFieldMap extends ContractProfile<ComplaintsContract> {}
}
