/**
 * @module
 * The analytics and export routes the results dashboard reads (README "Analytics and exports").
 */
import { apiRequest, type QueryParams } from '@rapport/admin-kit'
import type { Breakdown, Comparison } from '../../shared/analytics-schemas'
import { surveyApi } from './surveys'

/** NPS over a set of responses. */
export type NpsSummary = { nps: number | null; marginOfError: number | null; responses: number; promoters: number; passives: number; detractors: number }
/** A time bucket. */
export type Bucket = 'day' | 'week' | 'month'
/** `GET /analytics/nps`. */
export type NpsAnalytics = { from: string; to: string; timeZone: string; bucket: Bucket; overall: NpsSummary; trend: Array<{ period: string } & NpsSummary> }
/** One score's distribution. */
export type ScoreSummary = { responses: number; average: number | null; distribution: Array<{ score: number; count: number }> }
/** `GET /analytics/scores`. */
export type ScoresAnalytics = { nps: ScoreSummary; csat: ScoreSummary; ces: ScoreSummary }
/** One question's summary. */
export type QuestionSummary = {
  name: string
  type: string
  title: unknown
  answered: number
  choices?: Array<{ value: unknown; count: number }>
  average?: number | null
  histogram?: Array<{ value: number; count: number }>
  counts?: { true: number; false: number }
  cells?: Array<{ row: string; column: string; count: number }>
  ranking?: Array<{ value: unknown; averagePosition: number; count: number }>
}
/** `GET /analytics/questions`. */
export type QuestionsAnalytics = { surveyId: string; version: number; responses: number; questions: QuestionSummary[] }
/** `GET /analytics/texts`. */
export type TextAnswers = { items: Array<{ responseId: string; customerId: string | null; version: number; completedAt: string; text: string }>; nextCursor: string | null }
/** `GET /analytics/invitations`. */
export type InvitationAnalytics = { total: number; counts: Record<string, number>; rates: Record<string, number | null>; openRate: number | null; responseRate: number | null }
/** `GET /analytics/drop-off`. */
export type DropOff = {
  surveyId: string
  version: number
  started: number
  partial: number
  completed: number
  noAnswer: number
  questions: Array<{ name: string; type: string; title: unknown; position: number; answered: number; stoppedAfter: number }>
}

/** The range and zone every analytics call shares. */
export type Scope = { surveyId: string; from: string; to: string; timeZone: string }

const get = <T>(path: string, query: QueryParams, signal?: AbortSignal) => apiRequest<T>(`${surveyApi}${path}`, { query, signal })

export const getNps = (scope: Scope, bucket: Bucket, signal?: AbortSignal) => get<NpsAnalytics>('/analytics/nps', { ...scope, bucket }, signal)
export const getScores = (scope: Scope, signal?: AbortSignal) => get<ScoresAnalytics>('/analytics/scores', scope, signal)
export const getQuestions = (scope: Scope, signal?: AbortSignal) => get<QuestionsAnalytics>('/analytics/questions', scope, signal)
export const getTexts = (scope: Scope, question: string, q: string, signal?: AbortSignal) => get<TextAnswers>('/analytics/texts', { ...scope, question, q, limit: 50 }, signal)
export const getInvitationAnalytics = (scope: Scope, signal?: AbortSignal) => get<InvitationAnalytics>('/analytics/invitations', scope, signal)
export const getDropOff = (scope: Scope, signal?: AbortSignal) => get<DropOff>('/analytics/drop-off', scope, signal)

/** The download URL of an export (`csv` or `xlsx`) of a survey's responses. */
export const exportUrl = (format: 'csv' | 'xlsx', surveyId: string, status: 'completed' | 'partial' = 'completed'): string =>
  `${surveyApi}/exports/responses.${format}?${new URLSearchParams({ surveyId, status }).toString()}`

export type { Breakdown, Comparison, DifferenceTestView, GroupEstimatesView } from '../../shared/analytics-schemas'

/** How the analysis groups answers: a profile field (tier, RFM segment) or the channel. */
export type Grouping = { by: 'field'; field: string } | { by: 'channel' }

export const getBreakdown = (scope: Scope, grouping: Grouping, signal?: AbortSignal) =>
  get<Breakdown>('/analytics/breakdown', { ...scope, ...grouping }, signal)
export const comparePrevious = (scope: Scope, signal?: AbortSignal) =>
  get<Comparison>('/analytics/compare', { ...scope, against: 'previous' }, signal)
export const compareGroups = (scope: Scope, grouping: Grouping, a: string, b: string, signal?: AbortSignal) =>
  get<Comparison>('/analytics/compare', { ...scope, ...grouping, against: 'group', a, b }, signal)
