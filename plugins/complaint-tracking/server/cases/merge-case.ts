/**
 * @module
 * Merges a duplicate case into the one that survives. The duplicate is closed and points to the
 * survivor (`mergedInto`); both keep their history, each with an entry naming the other; the
 * survivor takes the duplicate's tags; the duplicate's pending visits are cancelled, its SLA clocks
 * stop and the customer's mirrored counts follow. Only cases of the same customer merge.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import { cancelPending } from '../follow-ups/follow-up-store.js'
import { refreshSla } from '../sla/case-sla.js'
import type { CaseDeps } from './case-deps.js'
import { recordHistory } from './case-log.js'
import { findCase, lockCase, markMerged, type StoredCase } from './case-store.js'
import { caseTags, setCaseTags } from './case-tags.js'
import { mirrorProfile } from './mirror-profile.js'

const open = async (tx: Queryable, deps: CaseDeps, id: string): Promise<StoredCase> => {
  const found = await lockCase(tx, deps, id)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId: id })
  if (found.mergedInto !== null) throw complaintsErrors.CASE_MERGED({ caseId: id, mergedInto: found.mergedInto })
  return found
}

/** @example await mergeCase(tx, ctx, duplicateId, survivorId, 'user:u1') // the survivor */
export async function mergeCase(tx: Queryable, deps: CaseDeps & Pick<PluginContext, 'users'>, duplicateId: string, survivorId: string, actor: string): Promise<StoredCase> {
  if (duplicateId === survivorId) throw complaintsErrors.MERGE_INVALID({ reason: 'same case' })
  const duplicate = await open(tx, deps, duplicateId)
  const survivor = await open(tx, deps, survivorId)
  if (duplicate.customerId !== survivor.customerId) throw complaintsErrors.MERGE_INVALID({ reason: 'different customers' })
  const now = deps.now()
  const at = now.toISOString()
  await markMerged(tx, duplicateId, survivorId, at)
  await recordHistory(tx, duplicateId, { action: 'merged', actor, fromStatus: duplicate.status, toStatus: 'closed', at, details: { into: survivorId, intoNumber: survivor.caseNumber } }, 'customer')
  await recordHistory(tx, survivorId, { action: 'merged_from', actor, fromStatus: null, toStatus: null, at, details: { caseId: duplicateId, caseNumber: duplicate.caseNumber } }, 'customer')
  const tags = await caseTags(tx, duplicateId)
  if (tags.length > 0) await setCaseTags(tx, survivorId, [...new Set([...(await caseTags(tx, survivorId)), ...tags])], at)
  for (const followUpId of await cancelPending(tx, duplicateId)) {
    await recordHistory(tx, duplicateId, { action: 'follow_up_cancelled', actor, fromStatus: null, toStatus: null, details: { followUpId, reason: 'merged' }, at }, 'internal')
  }
  await refreshSla(tx, deps.config.sla, (await findCase(tx, duplicateId, now))!, now)
  if (duplicate.customerId !== null) await mirrorProfile(tx, deps, duplicate.customerId, { id: 'merge' })
  return (await findCase(tx, survivorId, now))!
}
