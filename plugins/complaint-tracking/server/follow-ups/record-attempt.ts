/**
 * @module
 * One call of a follow-up visit. Reached: the visit is done with the customer's satisfaction, and
 * "not satisfied" acts on the case (not-satisfied.ts). Not reached: the next try is due after the
 * configured business minutes on the visits' calendar, counted from the call; once the tries are
 * used up, or on a wrong number, the visit is unreachable. All at the call's time (`ctx.now()`).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CaseDeps } from '../cases/case-deps.js'
import { recordHistory } from '../cases/case-log.js'
import { complaintsErrors } from '../errors.js'
import { addBusinessMs } from '../sla/business-calendar.js'
import { calendarOf } from '../sla/calendar-of.js'
import { insertAttempt, type VisitAttempt } from './attempt-store.js'
import { closeFollowUp, findFollowUp, type FollowUp, retryFollowUp } from './follow-up-store.js'
import { onNotSatisfied } from './not-satisfied.js'

/** What a call records. `final` ends the visit even when not reached (the one-step outcome route). */
export type AttemptInput = { outcome: VisitAttempt['outcome']; satisfied?: boolean | undefined; notes?: string | undefined; actor: string; final?: boolean }

/** When the next try is due after `attempts` unanswered calls, or null when they are used up. @example nextTryAt(ctx, 1, now) */
export function nextTryAt(deps: Pick<CaseDeps, 'config'>, attempts: number, now: Date): string | null {
  const minutes = deps.config.visits.retryAfterMinutes[attempts - 1]
  if (minutes === undefined) return null
  const at = addBusinessMs(calendarOf(deps.config.sla, deps.config.visits.calendar), now.getTime(), minutes * 60_000)
  return at === null ? null : new Date(at).toISOString()
}

/** @example await recordAttempt(tx, ctx, visitId, { outcome: 'not_reached', actor: 'user:u1' }) */
export async function recordAttempt(tx: Queryable, deps: CaseDeps, id: string, input: AttemptInput): Promise<FollowUp> {
  const found = await findFollowUp(tx, id, true)
  if (!found) throw complaintsErrors.FOLLOW_UP_NOT_FOUND({ followUpId: id })
  if (found.status !== 'pending') throw complaintsErrors.FOLLOW_UP_DONE({ followUpId: id, status: found.status })
  const reached = input.outcome === 'reached'
  if (!reached && input.satisfied !== undefined) throw complaintsErrors.FOLLOW_UP_OUTCOME_INVALID()
  if (reached && input.satisfied === undefined && !input.final) throw complaintsErrors.FOLLOW_UP_SATISFACTION_REQUIRED()
  const now = deps.now()
  const at = now.toISOString()
  const satisfied = reached ? input.satisfied ?? null : null
  const notes = input.notes ?? null
  await insertAttempt(tx, id, { outcome: input.outcome, satisfied, notes, recordedBy: input.actor, at })
  const retryAt = reached || input.final || input.outcome === 'wrong_number' ? null : nextTryAt(deps, found.attempts + 1, now)
  if (retryAt !== null) await retryFollowUp(tx, id, retryAt)
  else await closeFollowUp(tx, id, { status: reached ? 'done' : 'unreachable', reached, satisfied, notes, recordedBy: input.actor, recordedAt: at })
  if (found.caseId !== null) {
    const details = { followUpId: id, outcome: input.outcome, reached, satisfied, ...(notes ? { notes } : {}), ...(retryAt ? { nextTryAt: retryAt } : {}) }
    await recordHistory(tx, found.caseId, { action: retryAt === null ? 'follow_up_recorded' : 'follow_up_attempted', actor: input.actor, fromStatus: null, toStatus: null, at, details }, 'internal')
    if (satisfied === false && !input.final) await onNotSatisfied(tx, deps, found.caseId, id, input.actor)
  }
  return (await findFollowUp(tx, id))!
}
