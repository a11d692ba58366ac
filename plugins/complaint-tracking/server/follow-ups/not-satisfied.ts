/**
 * @module
 * What a "not satisfied" answer at a follow-up visit does to its case, per `visits.onNotSatisfied`:
 * reopen it (a resolved case within its reopen window; otherwise it is escalated instead), escalate
 * it (priority urgent, recorded in the history), or nothing. Runs in the visit's transaction, at its time.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CaseDeps } from '../cases/case-deps.js'
import { recordHistory } from '../cases/case-log.js'
import { findCase } from '../cases/case-store.js'
import { editCase } from '../cases/edit-case.js'
import { transitionCase } from '../cases/transition-case.js'
import { withinWindow } from '../cases/workflow.js'

/** @example await onNotSatisfied(tx, ctx, caseId, visitId, 'user:u1') // 'reopened' */
export async function onNotSatisfied(tx: Queryable, deps: CaseDeps, caseId: string, followUpId: string, actor: string): Promise<'reopened' | 'escalated' | 'none'> {
  const rule = deps.config.visits.onNotSatisfied
  if (rule === 'none') return 'none'
  const now = deps.now()
  const c = await findCase(tx, caseId, now)
  if (!c) return 'none'
  if (rule === 'reopen' && c.status === 'resolved' && c.resolvedAt && withinWindow(c.resolvedAt, deps.config.reopenWindowDays, now)) {
    await transitionCase(tx, deps, caseId, { to: 'open', reason: 'Not satisfied at the follow-up visit', actor })
    return 'reopened'
  }
  await editCase(tx, deps, caseId, { priority: 'urgent' }, actor)
  await recordHistory(tx, caseId, { action: 'follow_up_escalated', actor, fromStatus: null, toStatus: null, at: now.toISOString(), details: { followUpId, from: c.priority } }, 'internal')
  return 'escalated'
}
