/**
 * @module
 * Triggers: an in-transaction subscriber on `order.completed` and `complaint.resolved` that
 * schedules an invitation for every published survey with a matching trigger, due `delayDays`
 * after the event. One due now is created at once, carrying the case id of a `complaint.resolved`
 * as the hidden field `caseId` (so the completed response names the case); later ones are created
 * by the `invitations` job, without it (the scheduled row has no place for it yet).
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PublishedTriggers } from '../surveys/published-triggers.js'
import { createScheduled, type ScheduledRow } from './create-scheduled.js'
import type { IssueDeps } from './issue-invitation.js'

/** Event types a trigger can name. */
export type TriggerEvent = 'order.completed' | 'complaint.resolved'

/** @example ctx.on('order.completed', scheduleOnEvent(ctx, 'order.completed'), { id: 'trigger:order.completed', phase: 'inTransaction' }) */
export function scheduleOnEvent(deps: IssueDeps & Pick<PluginContext, 'segments'> & { triggers: PublishedTriggers }, type: TriggerEvent) {
  return async function scheduleInvitations(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    const customerId = event.customerId
    if (!customerId) return
    // A trigger limited to a segment applies when the customer is in it now, seeing this transaction's profile changes.
    const applies = async (t: { segmentId?: string | undefined }) => t.segmentId === undefined || deps.segments.contains(t.segmentId, customerId, tx)
    // The published surveys' triggers of this type, held in memory while no survey changes (most orders trigger none).
    for (const survey of await deps.triggers.on(tx, type)) {
      const triggers = []
      for (const t of survey.triggers) if (await applies(t)) triggers.push(t)
      if (triggers.length === 0) continue
      const delayDays = Math.min(...triggers.map((t) => t.delayDays))
      const dueAt = new Date(Date.parse(event.occurredAt) + delayDays * 86_400_000).toISOString()
      const row = await insertScheduled(tx, { surveyId: survey.surveyId, customerId, source: type, sourceRef: event.id, dueAt })
      if (row && dueAt <= deps.now().toISOString()) await createScheduled(tx, deps, row, hiddenOf(event))
    }
  }
}

/** The hidden fields an invitation made from the event carries: the case of a resolved complaint. */
function hiddenOf(event: RapportEvent): Record<string, string> {
  const caseId = (event.payload as { caseId?: unknown } | null)?.caseId
  return event.type === 'complaint.resolved' && typeof caseId === 'string' ? { caseId } : {}
}

async function insertScheduled(tx: Queryable, s: Omit<ScheduledRow, 'seq'>): Promise<ScheduledRow | undefined> {
  // A repeat of the event inserts nothing and so returns no row.
  const inserted = await tx.get<{ seq: number }>(
    `INSERT INTO satisfaction_scheduled (survey_id, customer_id, source, source_ref, due_at, state) VALUES (?, ?, ?, ?, ?, 'pending')
     ON CONFLICT (survey_id, source_ref) DO NOTHING RETURNING seq`,
    [s.surveyId, s.customerId, s.source, s.sourceRef, s.dueAt],
  )
  return inserted && { ...s, seq: Number(inserted.seq) }
}
