/**
 * @module
 * What a plugin hands the delivery service (`ctx.deliver`), what a channel adapter receives, and
 * the states of a message's delivery log.
 */
import type { Queryable } from '@rapport/db'

/** Where a message is: waiting (or waiting to be retried), handed to the provider, confirmed or refused by it, given up, or not sent by policy. */
export const MESSAGE_STATES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'suppressed'] as const
export type MessageState = (typeof MESSAGE_STATES)[number]

/**
 * A customer link the message carries, signed only when the message is sent (never stored): the
 * same `linkId` and `expiresAt` sign the same link a plugin issued (`ctx.issueCustomerLink`).
 * `path` holds `{token}` where the token goes, e.g. `/s/{token}`.
 */
export type MessageLink = { path: string; linkId: string; expiresAt: string }

/**
 * A message a plugin asks core to send, written to the outbox in `tx` (the caller's transaction)
 * and sent after commit. `key` makes it idempotent per plugin: a repeat returns the first message.
 * `data` holds the template's parameters (names, case numbers); never a token or a password.
 * `channel` picks one (`email`, or a plugin's); without it, the first the recipient has an address for.
 * @example await ctx.deliver({ to: { customerId }, template: 'complaint.csat-survey', link, key: `invitation:${invitationId}`, tx })
 */
export type DeliverInput = {
  to: { customerId: string } | { userId: string }
  template: string
  data?: Record<string, string | number>
  link?: MessageLink
  channel?: string
  key: string
  tx?: Queryable
}

/** What `ctx.deliver` answers: the message's id and state (`duplicate` when the key was used before). */
export type DeliverResult = { messageId: string; state: MessageState; duplicate: boolean }

/** A rendered message as a channel sends it: one recipient address, the texts in the recipient's locale. */
export type OutgoingMessage = {
  messageId: string
  to: string
  locale: string
  subject: string
  text: string
  html: string
  /** The template's id and the parameters it was rendered with (SMS providers send their own approved template with these); absent on a test send. */
  template?: string
  params?: Record<string, string>
  /** The one-click unsubscribe URL of this recipient and channel, when the recipient is a customer. */
  unsubscribeUrl?: string
}

/**
 * A channel: which address of a recipient it uses, whether it is set up, how it checks an address, and how it sends. `send`
 * throws to be retried (with backoff), or throws an error with `permanent: true` when the
 * provider refused the message for good (it is then `bounced`). A plugin adds one through
 * `channels` in its definition; it receives the plugin's config.
 * @example const sms: ChannelAdapter<MyConfig> = { address: 'phone', validAddress: (p) => /^\+?\d{5,15}$/.test(p), async send(m, config) { ... return { providerId } } }
 */
export type ChannelAdapter<C = unknown> = {
  /** Which address of the recipient it sends to: a customer's email or phone, a customer's WeChat openid, a staff user's WeCom UserID. */
  address: 'email' | 'phone' | 'wechatOpenId' | 'wecomUserId'
  /** Whether the channel is set up under `config`; a message for a channel that is not is suppressed (default: always). */
  ready?(config: C): boolean
  validAddress(address: string): boolean
  send(message: OutgoingMessage, config: C): Promise<{ providerId?: string }>
}

/** A provider's refusal that retrying will not change (an SMTP 5xx answer): the message bounced. */
export class PermanentSendError extends Error {
  readonly permanent = true
}
