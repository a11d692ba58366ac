/**
 * @module
 * Assigns a case to an active user or a team (`team:<name>`) or unassigns it, and records the
 * change (staff only).
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import type { CaseDeps } from './case-deps.js'
import { checkAssignee } from './check-assignee.js'
import { lockCase, saveCase, type StoredCase } from './case-store.js'
import { recordHistory } from './case-log.js'

/**
 * Throws COMPLAINTS_CASE_NOT_FOUND, COMPLAINTS_CASE_CLOSED or COMPLAINTS_ASSIGNEE_NOT_FOUND, in that order.
 * @example await assignCase(tx, ctx, caseId, 'usr_0mbx…', 'user:usr_0mbw…')
 */
export async function assignCase(tx: Queryable, deps: Pick<CaseDeps, 'now' | 'updateProfile'> & Pick<PluginContext, 'users'>, caseId: string, assigneeId: string | null, actor: string): Promise<StoredCase> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  if (found.status === 'closed') throw complaintsErrors.CASE_CLOSED({ caseId, status: found.status })
  await checkAssignee(deps, tx, assigneeId)
  const at = deps.now().toISOString()
  const saved: StoredCase = { ...found, assigneeId, updatedAt: at }
  await saveCase(tx, saved)
  await recordHistory(tx, caseId, { action: 'assigned', actor, fromStatus: null, toStatus: null, details: { from: found.assigneeId, to: assigneeId }, at }, 'internal')
  return saved
}
