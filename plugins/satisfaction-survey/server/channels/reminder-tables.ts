/**
 * @module
 * Reminder tables (migration 0006_reminders): a survey's reminder setting (part of its
 * distribution: remind after N days), and one planned reminder per invitation, so no invitation is
 * ever reminded twice. A reminder is planned when the invitation is created, due at the
 * invitation's own time plus N days, and cancelled when the invitation is answered.
 */
import { t, table } from '@rapport/plugin-sdk'

/** A survey's reminder setting; no row: no reminders. */
export const reminderSettings = table('satisfaction_reminder_settings', {
  surveyId: t.text().primaryKey(),
  afterDays: t.integer().notNull(),
  updatedAt: t.text().notNull(),
})

/** One reminder per invitation: 'pending' until due, then 'sent' (handed to core's delivery service) or 'cancelled'. */
export const invitationReminders = table('satisfaction_invitation_reminders', {
  invitationId: t.text().primaryKey(),
  surveyId: t.text().notNull(),
  customerId: t.text().notNull(),
  dueAt: t.text().notNull(),
  state: t.text().notNull(),
  messageId: t.text(),
  doneAt: t.text(),
}, { indexes: [{ name: 'satisfaction_invitation_reminders_due', columns: ['state', 'dueAt'] }] })

/** The tables of migration `0006_reminders`. */
export const reminderTables = [reminderSettings, invitationReminders]
