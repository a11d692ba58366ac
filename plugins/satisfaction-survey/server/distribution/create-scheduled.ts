/**
 * @module
 * Turns one due scheduled invitation into an invitation, or marks it skipped when the quiet
 * period holds, the survey is archived or gone, or no customer has the id. Never throws for those:
 * a trigger never fails the event that fired it.
 */
import { RapportError, type Queryable } from '@rapport/plugin-sdk'
import { findSurvey } from '../surveys/survey-store.js'
import { type IssueDeps, issueInvitation } from './issue-invitation.js'

// Outside the sample, or past a cap or profile quota: the trigger skips the customer, as for the quiet period.
const SKIPPED = new Set(['SURVEY_QUIET_PERIOD', 'CUSTOMER_NOT_FOUND', 'SURVEY_NOT_SAMPLED', 'SURVEY_CAP_REACHED', 'SURVEY_QUOTA_FULL'])

/** A pending row of `satisfaction_scheduled`. */
export type ScheduledRow = { seq: number; surveyId: string; customerId: string; source: string; sourceRef: string; dueAt: string }

/** Returns `created` or `skipped`; `hidden` prefills the invitation's hidden fields. @example await createScheduled(tx, ctx, row) */
export async function createScheduled(tx: Queryable, deps: IssueDeps, row: ScheduledRow, hidden?: Record<string, string>): Promise<'created' | 'skipped'> {
  const survey = await findSurvey(tx, row.surveyId)
  let invitationId: string | null = null
  if (survey && !survey.archivedAt && survey.latestVersion !== null) {
    try {
      // In the customer's language when the survey has it (the email that carries the link is too).
      const locale = await deps.customers.locale(row.customerId, tx)
      invitationId = (await issueInvitation(tx, deps, { survey, customerId: row.customerId, source: row.source, hidden, locale })).invitation.id
    } catch (err) {
      if (!(err instanceof RapportError) || !SKIPPED.has(err.code)) throw err
    }
  }
  const state = invitationId ? 'created' : 'skipped'
  await tx.run('UPDATE satisfaction_scheduled SET state = ?, invitation_id = ? WHERE seq = ?', [state, invitationId, row.seq])
  return state
}

/** Pending rows due at `at`, oldest first. @example await dueScheduled(ctx.db, now, 200) */
export async function dueScheduled(q: Queryable, at: string, limit: number): Promise<ScheduledRow[]> {
  const rows = await q.all<{ seq: number; survey_id: string; customer_id: string; source: string; source_ref: string; due_at: string }>(
    "SELECT seq, survey_id, customer_id, source, source_ref, due_at FROM satisfaction_scheduled WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, seq LIMIT ?",
    [at, limit],
  )
  return rows.map((r) => ({ seq: Number(r.seq), surveyId: r.survey_id, customerId: r.customer_id, source: r.source, sourceRef: r.source_ref, dueAt: r.due_at }))
}
