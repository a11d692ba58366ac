/**
 * @module
 * Complaint notifications to staff, through core's delivery service (by the channel each user
 * chose, email or WeCom, else the messaging settings' default): a case assigned to you (from the
 * assignment route; not when you took it yourself), a case of yours nearing or missing its SLA
 * (`complaint.sla.warning` / `complaint.sla.breached`), and a case escalated to you by an SLA
 * reassignment. A team or an unassigned case has nobody to notify; an assignee that no longer
 * exists gets nothing rather than failing the escalation.
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { adminCaseLink, caseFacts, isHistory, isUser, whenSettled } from './case-messages.js'

type Deliver = Pick<PluginContext, 'deliver' | 'now'>

async function toStaff(ctx: Deliver, tx: Queryable, userId: string, caseId: string, caseNumber: string, template: string, key: string): Promise<void> {
  try {
    await ctx.deliver({ to: { userId }, template, data: { caseNumber }, link: adminCaseLink(caseId, ctx.now()), key, tx })
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'MESSAGE_RECIPIENT_NOT_FOUND') throw err
  }
}

/**
 * Notifies the new assignee; called by the assignment route in its transaction. `actor` is who assigned (`user:<id>`).
 * @example await notifyAssignee(ctx, tx, caseId, assigneeId, 'user:usr_…', saved.updatedAt)
 */
export async function notifyAssignee(ctx: Deliver, tx: Queryable, caseId: string, assigneeId: string | null, actor: string, at: string): Promise<void> {
  if (!isUser(assigneeId) || actor === `user:${assigneeId}`) return
  const facts = await caseFacts(tx, caseId)
  if (facts) await toStaff(ctx, tx, assigneeId, caseId, facts.caseNumber, 'complaint.assigned', `assigned:${caseId}:${assigneeId}:${at}`)
}

/** @example ctx.on('complaint.sla.warning', slaNotification(ctx, 'warning'), { id: 'notify-sla-warning', phase: 'inTransaction' }) */
export const slaNotification = <L extends 'warning' | 'breached'>(ctx: Deliver, level: L) =>
  async function notifySla(event: RapportEvent<`complaint.sla.${L}`>, sub: SubscriberContext): Promise<void> {
    if (isHistory(event)) return
    const { caseId, target, cycle, actions } = event.payload
    const key = `sla:${caseId}:${target}:${cycle}:${level}`
    // Read the assignee once the escalation saved the case: a reassignment makes the new one the recipient.
    await whenSettled(sub, key, async (tx) => {
      const facts = await caseFacts(tx, caseId)
      if (!facts || !isUser(facts.assigneeId)) return
      const escalated = actions.includes(`reassign:${facts.assigneeId}`)
      await toStaff(ctx, tx, facts.assigneeId, caseId, facts.caseNumber, escalated ? 'complaint.escalated' : `complaint.sla-${level}`, key)
    })
  }
