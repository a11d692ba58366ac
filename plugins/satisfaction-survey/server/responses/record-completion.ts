/**
 * @module
 * After a completed response is written: emits `survey.response.completed` (and
 * `survey.detractor` for an NPS of 6 or less), then mirrors the customer's profile
 * fields with that event's seq, all in the response's transaction. A hidden field `caseId` (an
 * invitation sent for a resolved complaint) goes into the event, so complaint-tracking can keep
 * the CSAT on that case.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { AnswerDeps } from './answer-deps.js'
import { type KnownCompletion, mirrorProfile } from './mirror-profile.js'
import type { ResponseScores } from './scores-of.js'

/** What was completed. */
export type Completion = {
  responseId: string; surveyId: string; version: number; customerId: string | null; channel: 'link' | 'public' | 'import'; scores: ResponseScores
  hidden?: Record<string, unknown> | undefined
  /** When it was answered, if not now: an imported past response keeps its own time on its events. */
  occurredAt?: string | undefined
  /** A live completion's profile read just before it was written, and its time: the mirror needs no re-read of the responses. */
  known?: Omit<KnownCompletion, 'scores'> | undefined
}

/** @example await recordCompletion(tx, deps, { responseId, surveyId, version: 1, customerId, channel: 'link', scores }) */
export async function recordCompletion(tx: Queryable, deps: Pick<AnswerDeps, 'emit' | 'updateProfile'>, c: Completion): Promise<void> {
  const at = c.occurredAt === undefined ? {} : { occurredAt: c.occurredAt }
  const event = await deps.emit('survey.response.completed', c.customerId, {
    surveyId: c.surveyId, version: c.version, responseId: c.responseId, channel: c.channel, ...c.scores,
    ...(typeof c.hidden?.caseId === 'string' ? { caseId: c.hidden.caseId } : {}),
  }, { key: c.responseId, ...at, tx })
  if (c.scores.nps !== null && c.scores.nps <= 6) {
    await deps.emit('survey.detractor', c.customerId, { surveyId: c.surveyId, responseId: c.responseId, nps: c.scores.nps }, { key: c.responseId, ...at, tx })
  }
  if (c.customerId) await mirrorProfile(tx, deps, c.customerId, event.seq, c.known && { ...c.known, scores: c.scores })
}
