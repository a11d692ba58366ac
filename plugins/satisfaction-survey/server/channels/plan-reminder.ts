/**
 * @module
 * In-transaction subscribers that keep invitation reminders: an invitation of a survey with a
 * reminder setting gets one pending reminder, due N days after the invitation's own creation time
 * (never the moment this runs); a completed response cancels its invitation's pending reminder.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { invitationById } from '../distribution/invitation-store.js'

const DAY_MS = 86_400_000

/** @example ctx.on('survey.invitation.created', planReminder, { id: 'plan-reminder', phase: 'inTransaction' }) */
export async function planReminder(event: RapportEvent<'survey.invitation.created'>, { tx }: SubscriberContext): Promise<void> {
  const setting = await tx.get<{ after_days: number }>('SELECT after_days FROM satisfaction_reminder_settings WHERE survey_id = ?', [event.payload.surveyId])
  if (!setting) return
  const invitation = await invitationById(tx, event.payload.invitationId)
  if (!invitation) return
  const dueAt = new Date(Date.parse(invitation.createdAt) + Number(setting.after_days) * DAY_MS).toISOString()
  await tx.run(`INSERT INTO satisfaction_invitation_reminders (invitation_id, survey_id, customer_id, due_at, state) VALUES (?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING`,
    [invitation.id, invitation.surveyId, invitation.customerId, dueAt])
}

/** @example ctx.on('survey.response.completed', cancelReminder, { id: 'cancel-reminder', phase: 'inTransaction' }) */
export async function cancelReminder(event: RapportEvent<'survey.response.completed'>, { tx }: SubscriberContext): Promise<void> {
  await tx.run(`UPDATE satisfaction_invitation_reminders SET state = 'cancelled', done_at = ?
    WHERE state = 'pending' AND invitation_id = (SELECT invitation_id FROM satisfaction_responses WHERE id = ?)`, [event.occurredAt, event.payload.responseId])
}
