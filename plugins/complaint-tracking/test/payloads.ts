/**
 * Whole payloads of satisfaction-survey's events, as its contract types them (a test emits what
 * the real plugin would; the handlers still tolerate older shapes, which `legacy` marks).
 */
import type { PayloadOf } from '@rapport/plugin-sdk'

/** @example await host.emit('survey.detractor', id, detractor('r1', 3)) */
export const detractor = (responseId: string, nps: number): PayloadOf<'survey.detractor'> => ({ surveyId: 's1', responseId, nps })
/** @example await host.emit('survey.response.completed', id, answered('csat', 'r1', { csat: 2, caseId })) */
export const answered = (surveyId: string, responseId: string, scores: { nps?: number; csat?: number; caseId?: string }): PayloadOf<'survey.response.completed'> =>
  ({ surveyId, version: 1, responseId, channel: 'link', nps: scores.nps ?? null, csat: scores.csat ?? null, ces: null, ...(scores.caseId ? { caseId: scores.caseId } : {}) })
/** A payload of an older shape the handler still reads (the case under `context`), not what the contract types today. */
export const legacy = (payload: Record<string, unknown>): PayloadOf<'survey.response.completed'> => payload as PayloadOf<'survey.response.completed'>
