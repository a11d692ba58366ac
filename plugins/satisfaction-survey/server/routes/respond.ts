/**
 * @module
 * The customer page's API behind a signed link (`x-rapport-link: <token>`, the token of `/s/<token>`):
 * read the form (saving the answers a signed `prefill` parameter carries), save a partial response, complete it.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { answerRequest, partialSavedSchema, respondParams, surveyFormSchema, surveyLocales } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { completeByLink, openByLink, savePartialByLink } from '../responses/answer-by-link.js'
import { answersAsSent } from '../responses/answers-as-sent.js'
import { openWithPrefill } from '../prefill/open-with-prefill.js'
import { PREFILL_MAX_LENGTH } from '../prefill/prefill-signature.js'

/** The link purpose: links are issued for this plugin. */
export const LINK = 'satisfaction-survey'
const LINK_HEADER = 'x-rapport-link'
const linkErrors = {
  ...commonErrors,
  403: jsonResponse(errorBody, 'A link for another survey (SURVEY_LINK_OTHER_SURVEY)'), 404: jsonResponse(errorBody, 'The link opens no survey'),
  409: jsonResponse(errorBody, 'Already answered (names the response) or survey closed'),
}
type Deps = PluginContext<SurveyConfig> & AnswerDeps

/** @example ctx.route(openFormRoute(deps)) */
export const openFormRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'get', path: '/respond', access: policies.customer(LINK), summary: "The survey behind the caller's link, with saved answers",
    request: {
      query: z.object({
        locale: z.enum(surveyLocales).optional(),
        /** Answers the link carries, signed by the server (`signPrefill`): saved as the response in progress. */
        prefill: z.string().min(1).max(PREFILL_MAX_LENGTH).optional(),
      }),
    },
    responses: {
      200: jsonResponse(surveyFormSchema, 'The form'), ...linkErrors,
      400: jsonResponse(errorBody, 'Tampered or malformed prefill (SURVEY_PREFILL_INVALID), or prefilled answers not valid (SURVEY_ANSWER_INVALID)'),
      422: jsonResponse(errorBody, 'Prefilled answers break a rule of the survey (SURVEY_ANSWER_RULES)'),
    },
  },
  async (c) => {
    const { locale, prefill } = c.req.valid('query')
    const token = c.req.header(LINK_HEADER)!
    return c.json(await (prefill === undefined ? openByLink(deps.db, deps, token, locale) : openWithPrefill(deps.db, deps, token, prefill, locale)), 200)
  },
)

/** @example ctx.route(savePartialRoute(deps)) */
export const savePartialRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/respond/{surveyId}/partial', access: policies.customer(LINK), summary: 'Save answers in progress (resumable with the same link)',
    request: { params: respondParams, body: jsonBody(answerRequest) }, bodyLimitBytes: 256 * 1024,
    responses: { 200: jsonResponse(partialSavedSchema, 'Saved'), ...linkErrors },
  },
  async (c) => {
    const body = c.req.valid('json')
    const answers = await answersAsSent(c, body.answers)
    return c.json(await savePartialByLink(deps.db, deps, c.req.header(LINK_HEADER)!, c.req.valid('param').surveyId, { ...body, answers }), 200)
  },
)

/** @example ctx.route(completeRoute(deps)) */
export const completeRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/respond/{surveyId}/complete', access: policies.customer(LINK), summary: 'Complete the response',
    request: { params: respondParams, body: jsonBody(answerRequest) }, bodyLimitBytes: 256 * 1024,
    responses: {
      201: jsonResponse(z.object({ responseId: z.string(), completedAt: z.string() }), 'Stored'),
      422: jsonResponse(errorBody, 'Required answers or validators not satisfied (SURVEY_ANSWER_RULES)'), ...linkErrors,
    },
  },
  async (c) => {
    const body = c.req.valid('json')
    const answers = await answersAsSent(c, body.answers)
    return c.json(await completeByLink(deps.db, deps, c.req.header(LINK_HEADER)!, c.req.valid('param').surveyId, { ...body, answers }), 201)
  },
)
