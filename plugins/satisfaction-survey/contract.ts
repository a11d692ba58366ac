/**
 * @module
 * satisfaction-survey's contract: what other plugins may rely on, without its server. Import it as
 * `@rapport/plugin-satisfaction-survey/contract` (types only): `survey.*` events, the
 * `satisfaction.*` profile fields and the `satisfaction.channels` extension point become typed in the importer.
 */
import { type ContractEvents, type ContractExtensionPoints, type ContractProfile, defineContract, extensionPoint } from '@rapport/plugin-sdk'
import type { ChannelRegistry } from './server/channels/delivery-channel.js'
import { events } from './server/events.js'
import { profile } from './server/profile.js'

export const contract = defineContract({
  name: 'satisfaction-survey', namespace: 'satisfaction', eventPrefixes: ['survey'], events, profile,
  extensionPoints: {
    'satisfaction.channels': extensionPoint<Pick<ChannelRegistry, 'register'>>(
      'Delivery channels of survey invitations: register({ name, enabled(config), send(message, config) })',
    ),
  },
})
/** The contract's type, for `import type` (the import alone brings its events, fields and extension points into scope). */
export type SatisfactionContract = typeof contract

declare module '@rapport/plugin-sdk' {
  interface EventMap extends ContractEvents<SatisfactionContract> {}
  interface ProfileFieldMap extends ContractProfile<SatisfactionContract> {}
  interface ExtensionPointMap extends ContractExtensionPoints<SatisfactionContract> {}
}
