/**
 * @module
 * The edge check of a consent given on a channel: granting a customer consent on a channel that
 * cannot reach them (no address for it, or one the channel refuses) is a mistake to report to the
 * person recording it (422 MESSAGE_ADDRESS_INVALID), not something the worker finds out later. A
 * channel that is not running now (its plugin disabled) is not checked; a withdrawal never is.
 */
import { messageErrors } from '../../errors/index.js'
import type { CoreServices } from '../../services.js'
import { liveChannels } from '../message-channels.js'
import { loadMessagingSettings } from '../messaging-settings.js'
import { findRecipient } from '../recipient.js'

/**
 * Throws MESSAGE_ADDRESS_INVALID when `channel` is live and the customer has no valid address on it.
 * @example await assertReachable(s, customerId, 'email')
 */
export async function assertReachable(s: CoreServices, customerId: string, channel: string): Promise<void> {
  const bound = liveChannels(s.runtime, await loadMessagingSettings(s, s.db)).find((c) => c.name === channel)
  if (!bound) return
  const recipient = await findRecipient(s, { customer_id: customerId, user_id: null })
  const address = recipient?.[bound.adapter.address]
  if (!address || !bound.adapter.validAddress(address)) throw messageErrors.ADDRESS_INVALID({ channel })
}
