/**
 * @module
 * Intake: writes a new case, its first history entry, emits `complaints.opened` and mirrors the profile.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import type { CaseDeps } from './case-deps.js'
import { type Case, findCase, insertCase, type NewCase, newId } from './case-store.js'
import { recordHistory } from './case-log.js'
import { mirrorProfile } from './mirror-profile.js'

/** What an intake takes. */
export type OpenInput = Omit<NewCase, 'id'>

/** @example const created = await openCase(tx, ctx, { customerId, channel: 'phone', ... }) */
export async function openCase(tx: Queryable, deps: CaseDeps, input: OpenInput): Promise<Case> {
  if (!deps.config.categories.some((node) => node.id === input.category)) throw complaintsErrors.CATEGORY_UNKNOWN({ category: input.category })
  if (tx.dialect === 'pg') await deps.updateProfile(tx, input.customerId, {}, { id: 'lock' })
  const id = newId('cmp')
  const at = deps.now().toISOString()
  await insertCase(tx, { ...input, id }, at)
  await recordHistory(tx, id, {
    action: 'created', actor: input.createdBy, fromStatus: null, toStatus: 'new', at,
    details: { channel: input.channel, category: input.category, priority: input.priority },
  }, 'customer')
  const event = await deps.emit('complaints.opened', input.customerId, { caseId: id, channel: input.channel, category: input.category, priority: input.priority }, { key: id })
  await mirrorProfile(tx, deps, input.customerId, { id: 'open', eventSeq: event.seq })
  return (await findCase(tx, id))!
}
