/**
 * @module
 * Adds a reply (seen by the customer) or an internal note to a case, and records it in the history.
 * A staff reply to the customer stops the first-response clock (or the current next-update cycle)
 * and starts a new next-update cycle. Closed cases take nothing; customers may only reply, and
 * only while their case is not finished.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import { caseSla, recordStops, refreshSla } from '../sla/case-sla.js'
import type { CaseDeps } from './case-deps.js'
import { findCase, lockCase, saveCase } from './case-store.js'
import { insertMessage, type Message, recordHistory, type Visibility } from './case-log.js'
import { isActive } from './workflow.js'

/** What a message takes; `byCustomer` when posted through a link. */
export type MessageInput = { body: string; visibility: Visibility; actor: string; byCustomer: boolean; customerId?: string | undefined }

/** @example await postMessage(tx, ctx, caseId, { body: 'We are on it', visibility: 'customer', actor, byCustomer: false }) */
export async function postMessage(tx: Queryable, deps: Pick<CaseDeps, 'now' | 'updateProfile' | 'config'>, caseId: string, input: MessageInput, check: (customerId: string | null) => void): Promise<Message> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  check(found.customerId)
  if (input.byCustomer && input.visibility !== 'customer') throw complaintsErrors.NOTE_NOT_ALLOWED()
  if (found.status === 'closed' || (input.byCustomer && !isActive(found.status))) throw complaintsErrors.CASE_CLOSED({ caseId, status: found.status })
  const now = deps.now()
  const at = now.toISOString()
  const staffReply = !input.byCustomer && input.visibility === 'customer'
  if (staffReply && isActive(found.status)) {
    await recordStops(tx, caseId, await caseSla(tx, deps.config.sla, found, now), found.firstResponseAt ? ['nextUpdate'] : ['firstResponse'], at)
  }
  const message: Message = { id: `${caseId}-m${crypto.randomUUID().slice(0, 8)}`, visibility: input.visibility, body: input.body, author: input.actor, createdAt: at }
  await insertMessage(tx, caseId, message)
  await saveCase(tx, { ...found, updatedAt: at, firstResponseAt: found.firstResponseAt ?? (staffReply ? at : null) })
  await recordHistory(tx, caseId, { action: 'message', actor: input.actor, fromStatus: null, toStatus: null, details: { messageId: message.id, visibility: input.visibility }, at }, input.visibility)
  if (staffReply) await refreshSla(tx, deps.config.sla, (await findCase(tx, caseId, now))!, now)
  return message
}
