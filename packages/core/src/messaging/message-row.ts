/**
 * @module
 * A message as stored in `core_messages` and as the delivery log shows it (never its data,
 * address or link).
 */
import type { MessageLink, MessageState } from './message-types.js'

/** A message in the delivery log. */
export type Message = {
  id: string
  plugin: string
  customerId: string | null
  userId: string | null
  channel: string | null
  template: string
  state: MessageState
  attempts: number
  lastError: string | null
  locale: string | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
}

/** A `core_messages` row. */
export type MessageRow = {
  id: string; plugin: string; key: string; customer_id: string | null; user_id: string | null; channel: string | null; template: string
  data: string | MessageData | null; state: MessageState; attempts: number; last_error: string | null; locale: string | null
  provider_id: string | null; event_id: string | null; created_at: string; updated_at: string; sent_at: string | null
}

/** What a queued message keeps until it is sent: the template's parameters and the link to sign. */
export type MessageData = { params: Record<string, string | number>; link?: MessageLink }

/** @example rows.map(toMessage) */
export const toMessage = (r: MessageRow): Message => ({
  id: r.id, plugin: r.plugin, customerId: r.customer_id, userId: r.user_id, channel: r.channel, template: r.template, state: r.state,
  attempts: Number(r.attempts), lastError: r.last_error, locale: r.locale, createdAt: r.created_at, updatedAt: r.updated_at, sentAt: r.sent_at,
})

/** The stored data of a row. @example const { params, link } = dataOf(row) */
export const dataOf = (r: Pick<MessageRow, 'data'>): MessageData =>
  r.data === null ? { params: {} } : typeof r.data === 'string' ? (JSON.parse(r.data) as MessageData) : r.data
