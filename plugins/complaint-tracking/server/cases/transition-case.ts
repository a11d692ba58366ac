/**
 * @module
 * Moves a case along the workflow, records the change, and on resolve or reopen emits the event
 * and mirrors the profile. An illegal move is a 409 naming the allowed ones; nothing changes.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CaseStatus } from '../../shared/schemas.js'
import { complaintsErrors } from '../errors.js'
import type { CaseDeps } from './case-deps.js'
import { type Case, lockCase, saveCase } from './case-store.js'
import { historyCount, recordHistory } from './case-log.js'
import { mirrorProfile } from './mirror-profile.js'
import { isReopen, next, withinWindow } from './workflow.js'

/** What a transition takes. */
export type TransitionInput = { to: CaseStatus; reason?: string | undefined; resolutionCode?: string | undefined; summary?: string | undefined; actor: string }

/** @example await transitionCase(tx, ctx, caseId, { to: 'resolved', resolutionCode: 'refund', summary: '…', actor }) */
export async function transitionCase(tx: Queryable, deps: CaseDeps, caseId: string, input: TransitionInput): Promise<Case> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  const allowed = next[found.status]
  if (!allowed.includes(input.to)) throw complaintsErrors.TRANSITION_NOT_ALLOWED({ from: found.status, to: input.to, allowed: [...allowed] })
  const now = deps.now()
  const reopen = isReopen(found.status, input.to)
  if (reopen && found.resolvedAt && !withinWindow(found.resolvedAt, deps.config.reopenWindowDays, now)) {
    throw complaintsErrors.REOPEN_WINDOW_PASSED({ caseId, resolvedAt: found.resolvedAt, days: deps.config.reopenWindowDays })
  }
  const resolve = input.to === 'resolved'
  if (resolve && (!input.resolutionCode || !input.summary)) {
    throw complaintsErrors.RESOLUTION_REQUIRED({ missing: [...(input.resolutionCode ? [] : ['resolutionCode']), ...(input.summary ? [] : ['summary'])] })
  }
  const at = now.toISOString()
  const saved: Case = {
    ...found, status: input.to, updatedAt: at,
    ...(resolve ? { resolutionCode: input.resolutionCode!, resolutionSummary: input.summary!, resolvedAt: at } : {}),
    ...(reopen ? { resolutionCode: null, resolutionSummary: null, resolvedAt: null } : {}),
  }
  await saveCase(tx, saved)
  const details = { ...(input.reason ? { reason: input.reason } : {}), ...(resolve ? { resolutionCode: input.resolutionCode, summary: input.summary } : {}), ...(reopen ? { reopened: true } : {}) }
  await recordHistory(tx, caseId, { action: 'transition', actor: input.actor, fromStatus: found.status, toStatus: input.to, details, at }, 'customer')
  if (resolve || reopen) {
    const key = `${caseId}:${await historyCount(tx, caseId)}`
    const event = resolve
      ? await deps.emit('complaints.resolved', found.customerId, { caseId, resolutionCode: input.resolutionCode!, category: found.category }, { key })
      : await deps.emit('complaints.reopened', found.customerId, { caseId, from: found.status, ...(input.reason ? { reason: input.reason } : {}) }, { key })
    await mirrorProfile(tx, deps, found.customerId, { id: resolve ? 'resolve' : 'reopen', eventSeq: event.seq })
  }
  return saved
}
