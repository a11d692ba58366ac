/**
 * @module
 * The `reminders` job: sends each pending reminder that is due (as of the job's clock, the event
 * time during replay) through core's delivery service, once (keyed on the invitation), with the
 * invitation's own link; an invitation answered, expired or gone meanwhile is cancelled instead.
 * It tells the host when the next reminder is due, so replaying history runs it at that time.
 */
import type { JobNextWork, JobRun, PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { invitationById } from '../distribution/invitation-store.js'

const BATCH = 200

/** The message key of an invitation's reminder. */
export const reminderMessageKey = (invitationId: string): string => `reminder:${invitationId}`

type Due = { invitation_id: string; due_at: string }

/** @example ctx.schedule('reminders', '*\/10 * * * *', remindersJob(ctx)) */
export function remindersJob(ctx: Pick<PluginContext<SurveyConfig>, 'db' | 'now' | 'deliver'>) {
  return async function runReminders(job: JobRun): Promise<JobNextWork | undefined> {
    let done = 0
    for (;;) {
      const due = await ctx.db.all<Due>("SELECT invitation_id, due_at FROM satisfaction_invitation_reminders WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, invitation_id LIMIT ?", [ctx.now().toISOString(), BATCH])
      for (const row of due) {
        if (job.signal.aborted) return undefined
        await ctx.db.tx((tx) => sendReminder(ctx, tx, row))
        done += 1
      }
      await job.progress(done)
      if (due.length < BATCH) break
    }
    const next = await ctx.db.get<{ due: string | null }>("SELECT MIN(due_at) AS due FROM satisfaction_invitation_reminders WHERE state = 'pending'", [])
    return { nextWorkAt: next?.due ?? null }
  }
}

async function sendReminder(ctx: Pick<PluginContext<SurveyConfig>, 'now' | 'deliver'>, tx: Queryable, row: Due): Promise<void> {
  const now = ctx.now().toISOString()
  const invitation = await invitationById(tx, row.invitation_id)
  const open = invitation && ['created', 'opened', 'partial'].includes(invitation.status) && invitation.expiresAt > now
  if (!invitation || !open) {
    await tx.run("UPDATE satisfaction_invitation_reminders SET state = 'cancelled', done_at = ? WHERE invitation_id = ? AND state = 'pending'", [now, row.invitation_id])
    return
  }
  const { messageId } = await ctx.deliver({
    to: { customerId: invitation.customerId }, template: 'survey.reminder', key: reminderMessageKey(invitation.id), tx,
    link: { path: '/s/{token}', linkId: invitation.id, expiresAt: invitation.expiresAt },
  })
  await tx.run("UPDATE satisfaction_invitation_reminders SET state = 'sent', message_id = ?, done_at = ? WHERE invitation_id = ? AND state = 'pending'", [messageId, now, row.invitation_id])
}
