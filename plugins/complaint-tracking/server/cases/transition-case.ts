/**
 * @module
 * Moves a case along the workflow and records the change. Resolving needs a code and a summary,
 * may grant goodwill points (`complaint.goodwill.granted`), schedules the follow-up visit and
 * records which SLA targets were met; reopening cancels a pending visit. Resolve and reopen emit
 * their event and mirror the profile. An illegal move is a 409 naming the allowed ones; nothing changes.
 */
import { assertRequiredFields } from './required-fields.js'
import type { Queryable } from '@rapport/plugin-sdk'
import type { CaseStatus } from '../../shared/schemas.js'
import { complaintsErrors } from '../errors.js'
import { cancelPending, scheduleFollowUp } from '../follow-ups/follow-up-store.js'
import { caseSla, recordStops, refreshSla } from '../sla/case-sla.js'
import type { CaseDeps } from './case-deps.js'
import { TEAM_PREFIX } from './check-assignee.js'
import { findCase, lockCase, newId, saveCase, type StoredCase } from './case-store.js'
import { historyCount, recordHistory } from './case-log.js'
import { mirrorProfile } from './mirror-profile.js'
import { isReopen, next, withinWindow } from './workflow.js'

/** What a transition takes. */
export type TransitionInput = {
  to: CaseStatus; reason?: string | undefined; resolutionCode?: string | undefined; summary?: string | undefined
  goodwillPoints?: number | undefined; actor: string
}

function checkResolution(deps: CaseDeps, found: StoredCase, input: TransitionInput): void {
  const resolve = input.to === 'resolved'
  if (resolve && (!input.resolutionCode || !input.summary)) {
    throw complaintsErrors.RESOLUTION_REQUIRED({ missing: [...(input.resolutionCode ? [] : ['resolutionCode']), ...(input.summary ? [] : ['summary'])] })
  }
  if (resolve) assertRequiredFields(deps.config.customFields, found.category, found.fields, 'resolve')
  if (input.goodwillPoints === undefined) return
  if (!resolve) throw complaintsErrors.GOODWILL_NOT_ALLOWED({ reason: 'only when resolving' })
  if (found.customerId === null) throw complaintsErrors.GOODWILL_NOT_ALLOWED({ reason: 'the case has no customer' })
  if (input.goodwillPoints > deps.config.maxGoodwillPoints) throw complaintsErrors.GOODWILL_OVER_LIMIT({ points: input.goodwillPoints, max: deps.config.maxGoodwillPoints })
}

/** @example await transitionCase(tx, ctx, caseId, { to: 'resolved', resolutionCode: 'refund', summary: '…', actor }) */
export async function transitionCase(tx: Queryable, deps: CaseDeps, caseId: string, input: TransitionInput): Promise<StoredCase> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  const allowed = next[found.status]
  if (!allowed.includes(input.to)) throw complaintsErrors.TRANSITION_NOT_ALLOWED({ from: found.status, to: input.to, allowed: [...allowed] })
  const now = deps.now()
  const reopen = isReopen(found.status, input.to)
  if (reopen && found.resolvedAt && !withinWindow(found.resolvedAt, deps.config.reopenWindowDays, now)) {
    throw complaintsErrors.REOPEN_WINDOW_PASSED({ caseId, resolvedAt: found.resolvedAt, days: deps.config.reopenWindowDays })
  }
  checkResolution(deps, found, input)
  const resolve = input.to === 'resolved'
  const at = now.toISOString()
  const before = resolve ? await caseSla(tx, deps.config.sla, found, now) : null
  const saved: StoredCase = {
    ...found, status: input.to, updatedAt: at,
    ...(resolve ? { resolutionCode: input.resolutionCode!, resolutionSummary: input.summary!, resolvedAt: at, goodwillPoints: input.goodwillPoints ?? null } : {}),
    ...(reopen ? { resolutionCode: null, resolutionSummary: null, resolvedAt: null, reopenCount: found.reopenCount + 1 } : {}),
  }
  await saveCase(tx, saved)
  const details = { ...(input.reason ? { reason: input.reason } : {}), ...(resolve ? { resolutionCode: input.resolutionCode, summary: input.summary } : {}), ...(reopen ? { reopened: true } : {}) }
  await recordHistory(tx, caseId, { action: 'transition', actor: input.actor, fromStatus: found.status, toStatus: input.to, details, at }, 'customer')
  if (resolve) await afterResolve(tx, deps, saved, before, input, at)
  if (reopen) {
    for (const followUpId of await cancelPending(tx, caseId)) {
      await recordHistory(tx, caseId, { action: 'follow_up_cancelled', actor: input.actor, fromStatus: null, toStatus: null, details: { followUpId }, at }, 'internal')
    }
    const key = `${caseId}:${await historyCount(tx, caseId)}`
    const event = await deps.emit('complaint.reopened', found.customerId, { caseId, from: found.status, ...(input.reason ? { reason: input.reason } : {}) }, { key })
    if (found.customerId !== null) await mirrorProfile(tx, deps, found.customerId, { id: 'reopen', eventSeq: event.seq })
  }
  const after = (await findCase(tx, caseId, now))!
  await refreshSla(tx, deps.config.sla, after, now)
  return (await findCase(tx, caseId, now))!
}

async function afterResolve(tx: Queryable, deps: CaseDeps, c: StoredCase, before: Awaited<ReturnType<typeof caseSla>>, input: TransitionInput, at: string): Promise<void> {
  await recordStops(tx, c.id, before, ['firstResponse', 'nextUpdate', 'resolution'], at)
  const key = `${c.id}:${await historyCount(tx, c.id)}`
  const event = await deps.emit('complaint.resolved', c.customerId, {
    caseId: c.id, customerId: c.customerId, resolutionCode: input.resolutionCode!, category: c.category, resolvedAt: at,
    ...(input.goodwillPoints ? { goodwillPoints: input.goodwillPoints } : {}),
  }, { key })
  if (c.customerId !== null) await mirrorProfile(tx, deps, c.customerId, { id: 'resolve', eventSeq: event.seq })
  if (input.goodwillPoints && c.customerId !== null) {
    await deps.emit('complaint.goodwill.granted', c.customerId, { caseId: c.id, points: input.goodwillPoints, resolutionCode: input.resolutionCode! }, { key: `${key}:goodwill` })
    await recordHistory(tx, c.id, { action: 'goodwill', actor: input.actor, fromStatus: null, toStatus: null, details: { points: input.goodwillPoints }, at }, 'customer')
  }
  const days = deps.config.followUpAfterDays
  if (days > 0) {
    const followUpId = newId('fu')
    const dueAt = new Date(Date.parse(at) + days * 86_400_000).toISOString()
    // The case's agent calls back, unless it sits with a team (a team cannot own a call).
    const ownerId = c.assigneeId !== null && !c.assigneeId.startsWith(TEAM_PREFIX) ? c.assigneeId : null
    await scheduleFollowUp(tx, { id: followUpId, caseId: c.id, customerId: c.customerId, dueAt, createdAt: at, ownerId })
    await recordHistory(tx, c.id, { action: 'follow_up_scheduled', actor: input.actor, fromStatus: null, toStatus: null, details: { followUpId, dueAt }, at }, 'internal')
  }
}
