/**
 * @module
 * The analytics routes for staff (any role, or `customers:read`): NPS over time and by segment,
 * score distributions, per-question summaries, free-text search and its sentiment and themes,
 * invitation rates and drop-off.
 * Each resolves the shared filter to a scope and hands it to one SQL module.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, type PluginRoute, policies, z } from '@rapport/plugin-sdk'
import { summariseFeedback } from '@rapport/text-analytics'
import { feedbackSummarySchema } from '@rapport/text-analytics/schema'
import {
  dropOffSchema, invitationRatesSchema, npsSegmentsSchema, npsTrendSchema, questionSummariesSchema, scoresSchema, textAnswersSchema,
} from '../../shared/analytics-schemas.js'
import { analyticsFilter, analyticsScope, checkedFilter } from '../analytics/analytics-scope.js'
import { dropOff } from '../analytics/drop-off.js'
import { invitationRates } from '../analytics/invitation-rates.js'
import { npsSegments } from '../analytics/nps-segments.js'
import { npsTrend } from '../analytics/nps-trend.js'
import { questionSummaries } from '../analytics/question-summaries.js'
import { scoreDistributions } from '../analytics/score-distributions.js'
import { surveyLayout } from '../analytics/survey-questions.js'
import { textAnswers } from '../analytics/text-answers.js'
import { surveyErrors } from '../errors.js'
import type { AnalyticsDeps } from './analytics-deps.js'
import { analysisRoutes } from './analysis.js'

const read = policies.staffRead('customers:read')
const notFound = { 404: jsonResponse(errorBody, 'No such survey, version or question'), ...commonErrors }
const withSurvey = analyticsFilter.extend({ surveyId: z.string().min(1).max(64) })
const fieldName = z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z][a-zA-Z0-9]*$/, 'a profile field such as tiering.tier')

const npsQuery = checkedFilter(analyticsFilter.extend({ bucket: z.enum(['day', 'week', 'month']).default('day') }))
const segmentQuery = checkedFilter(analyticsFilter.extend({
  by: z.enum(['channel', 'source', 'survey', 'version', 'field']),
  field: fieldName.optional(),
  fieldSource: z.enum(['snapshot', 'current']).default('snapshot'),
})).refine((f) => f.by !== 'field' || f.field !== undefined, { path: ['field'], message: 'by=field needs field' })
const textSummaryQuery = checkedFilter(withSurvey.extend({ question: z.string().min(1).max(200) }))
/** Read at most this many newest answers for a summary: 5,000 texts take about 50 ms. */
const TEXT_SUMMARY_CAP = 5000
const textQuery = checkedFilter(withSurvey.extend({
  question: z.string().min(1).max(200),
  q: z.string().max(200).optional().openapi({ description: 'Search text; empty lists every answer' }),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}))

/** @example for (const route of analyticsRoutes(deps)) ctx.route(route) */
export function analyticsRoutes(deps: AnalyticsDeps): PluginRoute[] {
  const { db } = deps
  /** A question of the survey's versions, or an other-text key `<name>-Comment`; else 404 SURVEY_QUESTION_NOT_FOUND. */
  const assertTextQuestion = async (query: { surveyId: string; version?: number | undefined; question: string }) => {
    const layout = await surveyLayout(db, deps.compiled, query.surveyId, query.version)
    const known = layout.allQuestions.some((qi) => qi.name === query.question || `${qi.name}-Comment` === query.question)
    if (!known) throw surveyErrors.QUESTION_NOT_FOUND({ surveyId: query.surveyId, question: query.question })
  }
  return [
    defineRoute({
      method: 'get', path: '/analytics/nps', access: read, summary: 'NPS with its margin of error, overall and per day, week or month',
      request: { query: npsQuery }, responses: { 200: jsonResponse(npsTrendSchema, 'NPS over the range'), ...commonErrors },
    }, async (c) => {
      const query = c.req.valid('query')
      const scope = analyticsScope(query, deps.now())
      const result = await npsTrend(db, scope, query.bucket)
      return c.json({ from: scope.firstDay, to: scope.lastDay, timeZone: scope.timeZone, bucket: query.bucket, ...result }, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/nps/segments', access: read, summary: 'NPS by channel, source, survey, version or profile field',
      request: { query: segmentQuery }, responses: { 200: jsonResponse(npsSegmentsSchema, 'NPS per segment'), ...commonErrors },
    }, async (c) => {
      const query = c.req.valid('query')
      const segments = await npsSegments(db, analyticsScope(query, deps.now()), query)
      const byField = query.by === 'field'
      return c.json({ by: query.by, field: byField ? query.field ?? null : null, fieldSource: byField ? query.fieldSource : null, segments }, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/scores', access: read, summary: 'NPS, CSAT and CES distributions and averages',
      request: { query: checkedFilter(analyticsFilter) }, responses: { 200: jsonResponse(scoresSchema, 'Distributions'), ...commonErrors },
    }, async (c) => c.json(await scoreDistributions(db, analyticsScope(c.req.valid('query'), deps.now())), 200)),
    defineRoute({
      method: 'get', path: '/analytics/questions', access: read, summary: "Per-question summaries of a survey's completed responses",
      request: { query: checkedFilter(withSurvey) }, responses: { 200: jsonResponse(questionSummariesSchema, 'Summaries'), ...notFound },
    }, async (c) => {
      const query = c.req.valid('query')
      const layout = await surveyLayout(db, deps.compiled, query.surveyId, query.version)
      const summaries = await questionSummaries(db, analyticsScope(query, deps.now()), layout.questions)
      return c.json({ surveyId: query.surveyId, version: layout.version.version, ...summaries }, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/texts', access: read, summary: 'Free-text answers of one question, searched and paged',
      request: { query: textQuery }, responses: { 200: jsonResponse(textAnswersSchema, 'A page of answers'), ...notFound },
    }, async (c) => {
      const query = c.req.valid('query')
      await assertTextQuestion(query)
      const page = await textAnswers(db, analyticsScope(query, deps.now()), { question: query.question, search: query.q, cursor: query.cursor, limit: query.limit })
      return c.json(page, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/texts/summary', access: read, summary: "Sentiment and themes of one question's free-text answers",
      request: { query: textSummaryQuery }, responses: { 200: jsonResponse(feedbackSummarySchema, 'Counts by sentiment, and themes with examples'), ...notFound },
    }, async (c) => {
      const query = c.req.valid('query')
      await assertTextQuestion(query)
      const page = await textAnswers(db, analyticsScope(query, deps.now()), { question: query.question, limit: TEXT_SUMMARY_CAP })
      return c.json({ ...summariseFeedback(page.items.map((item) => item.text)), capped: page.nextCursor !== null }, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/invitations', access: read, summary: 'Invitations created in the range by status, open and response rates',
      request: { query: checkedFilter(analyticsFilter) }, responses: { 200: jsonResponse(invitationRatesSchema, 'Rates'), ...commonErrors },
    }, async (c) => c.json(await invitationRates(db, analyticsScope(c.req.valid('query'), deps.now())), 200)),
    defineRoute({
      method: 'get', path: '/analytics/drop-off', access: read, summary: 'Answers per question and where partial responses stopped, for one version',
      request: { query: checkedFilter(withSurvey) }, responses: { 200: jsonResponse(dropOffSchema, 'Drop-off'), ...notFound },
    }, async (c) => {
      const query = c.req.valid('query')
      const layout = await surveyLayout(db, deps.compiled, query.surveyId, query.version)
      const version = layout.version.version
      const result = await dropOff(db, { ...analyticsScope(query, deps.now()), version }, layout.questions)
      return c.json({ surveyId: query.surveyId, version, ...result }, 200)
    }),
    ...analysisRoutes(deps),
  ]
}
