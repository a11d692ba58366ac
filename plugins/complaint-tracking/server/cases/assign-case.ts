/**
 * @module
 * Assigns a case to an agent or a team (by id) or unassigns it, and records the change (staff only).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import type { CaseDeps } from './case-deps.js'
import { lockCase, saveCase, type StoredCase } from './case-store.js'
import { recordHistory } from './case-log.js'

/** @example await assignCase(tx, ctx, caseId, 'u_42', 'user:u_1') */
export async function assignCase(tx: Queryable, deps: Pick<CaseDeps, 'now' | 'updateProfile'>, caseId: string, assigneeId: string | null, actor: string): Promise<StoredCase> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  if (found.status === 'closed') throw complaintsErrors.CASE_CLOSED({ caseId, status: found.status })
  const at = deps.now().toISOString()
  const saved: StoredCase = { ...found, assigneeId, updatedAt: at }
  await saveCase(tx, saved)
  await recordHistory(tx, caseId, { action: 'assigned', actor, fromStatus: null, toStatus: null, details: { from: found.assigneeId, to: assigneeId }, at }, 'internal')
  return saved
}
