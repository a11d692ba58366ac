/**
 * @module
 * Tables of bulk sends (migration 0021): one row per send of a template to a saved segment, and
 * one row per customer it reached or skipped, unique per (send, customer), so a batch that runs
 * again never messages anyone twice.
 */
import { t, table } from '@rapport/db'

/**
 * A bulk send: what goes out, to which segment, how fast, and how far it got (`cursor`: the last
 * customer id looked at, segments being walked in id order).
 * @example await db.get('SELECT state, cursor FROM core_bulk_sends WHERE id = ?', [id])
 */
export const bulkSends = table('core_bulk_sends', {
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  segmentId: t.text().notNull(),
  template: t.text().notNull(),
  channel: t.text().notNull(),
  /** The template's parameters, the same for every recipient (the name is the recipient's own). */
  data: t.json().notNull(),
  /** Only customers who granted consent on the channel receive it (marketing under PIPL). */
  requireConsent: t.boolean().notNull(),
  perMinute: t.integer().notNull(),
  /** 'running' | 'done' */
  state: t.text().notNull(),
  cursor: t.text(),
  /** Members of the segment when the send started. */
  total: t.integer().notNull(),
  /** Set while the send waits for the quiet hours to end. */
  deferredUntil: t.timestamp(),
  createdBy: t.text(),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
  finishedAt: t.timestamp(),
})

/** One customer of a bulk send: a message was queued (`message_id`), or why it was skipped. */
export const bulkSendRecipients = table('core_bulk_send_recipients', {
  sendId: t.text().notNull(),
  customerId: t.text().notNull(),
  /** 'queued' | 'noAddress' | 'unsubscribed' | 'noConsent' | 'overBudget' */
  outcome: t.text().notNull(),
  messageId: t.text(),
  createdAt: t.timestamp().notNull(),
}, { primaryKey: ['sendId', 'customerId'] })

/** The tables of migration `0021_bulk_sends`, in creation order. */
export const bulkSendTables = [bulkSends, bulkSendRecipients]
