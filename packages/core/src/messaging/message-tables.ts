/**
 * @module
 * Tables of the delivery service (migration 0017): the outbox and delivery log of messages, the
 * customers' consent per channel, and the messaging settings (channel credentials, budget, quiet
 * hours). Times are ISO-8601 UTC text, as in every core table.
 */
import { t, table } from '@rapport/db'

/**
 * One message to one person: written in the caller's transaction (unique on plugin and key), sent
 * after commit, and kept as its delivery log. `data` holds the template's parameters until the
 * message is sent, then it is cleared; link tokens are never stored (a link is signed at sending).
 * @example await db.all("SELECT id, state FROM core_messages WHERE customer_id = ?", [customerId])
 */
export const messages = table('core_messages', {
  id: t.text().primaryKey(),
  plugin: t.text().notNull(),
  key: t.text().notNull(),
  customerId: t.text(),
  userId: t.text(),
  /** The channel asked for, or null: the first channel the recipient has an address for. */
  channel: t.text(),
  template: t.text().notNull(),
  /** Template parameters and the link to sign, JSON; null once sent or given up. */
  data: t.json(),
  /** 'queued' | 'sent' | 'delivered' | 'bounced' | 'failed' | 'suppressed' */
  state: t.text().notNull(),
  attempts: t.integer().notNull().default(0),
  /** The last failure's message (or why it was suppressed), never an address or a token. */
  lastError: t.text(),
  /** The locale it was (or will be) rendered in. */
  locale: t.text(),
  /** The provider's id of the sent message (the SMTP Message-ID). */
  providerId: t.text(),
  eventId: t.text(),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
  sentAt: t.timestamp(),
}, {
  uniques: [['plugin', 'key']],
  indexes: [
    { name: 'core_messages_created', columns: ['createdAt', 'id'] },
    { name: 'core_messages_customer', columns: ['customerId', 'createdAt'] },
  ],
})

/** A customer's choice per channel: 'granted' or 'withdrawn' (an unsubscribe); no row means not withdrawn. */
export const messageConsents = table('core_message_consents', {
  customerId: t.text().notNull(),
  channel: t.text().notNull(),
  state: t.text().notNull(),
  /** 'unsubscribe-link' | 'admin' | 'api' */
  source: t.text().notNull(),
  updatedAt: t.timestamp().notNull(),
}, { uniques: [['customerId', 'channel']] })

/** The messaging settings: one JSON document, its credentials encrypted. */
export const messagingSettings = table('core_messaging_settings', {
  id: t.text().primaryKey(),
  value: t.json().notNull(),
  updatedAt: t.timestamp().notNull(),
})

/** The tables of migration `0017_messaging`, in creation order. */
export const messagingTables = [messages, messageConsents, messagingSettings]
