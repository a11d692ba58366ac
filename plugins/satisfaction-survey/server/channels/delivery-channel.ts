/**
 * @module
 * Delivery channels: how a created invitation reaches the customer. The webhook channel is built
 * in; other plugins add theirs through the `satisfaction.channels` extension point.
 */
import type { SurveyConfig } from '../config.js'

/**
 * What a channel sends: the invitation and its page URL (`/s/<token>`), signed again for the
 * sending. No personal data: the receiver looks the customer up by id. The URL opens the survey as
 * the customer: a channel passes it on and never logs or stores it.
 */
export type InvitationMessage = {
  type: 'survey.invitation.created'; invitationId: string; surveyId: string; version: number; customerId: string
  url: string; expiresAt: string; locale: string; source: string
}

/** A delivery channel. `send` throws to be retried (the host retries after-commit subscribers with backoff). */
export type DeliveryChannel = {
  /** Unique name, e.g. `webhook`, `sms`. */
  name: string
  /** Whether the channel is set up under the current config. */
  enabled(config: SurveyConfig): boolean
  send(message: InvitationMessage, config: SurveyConfig): Promise<void>
}

/** The channels in use: the built-ins and any registered by other plugins. */
export type ChannelRegistry = { register(channel: DeliveryChannel): void; list(): readonly DeliveryChannel[] }

/** @example const channels = createChannelRegistry([webhookChannel]) */
export function createChannelRegistry(builtIn: readonly DeliveryChannel[]): ChannelRegistry {
  const channels = new Map(builtIn.map((c) => [c.name, c]))
  return {
    register(channel) {
      if (channels.has(channel.name)) throw new TypeError(`A delivery channel named ${channel.name} is already registered`)
      channels.set(channel.name, channel)
    },
    list: () => [...channels.values()],
  }
}
