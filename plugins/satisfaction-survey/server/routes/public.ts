/**
 * @module
 * The anonymous public link of a survey (`/api/p/satisfaction-survey/public/{token}`): the form,
 * proof-of-work challenges and responses. Every call counts against the caller address's limit.
 */
import { defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { challengeSchema, publicAnswerRequest, publicFormSchema, publicParams, surveyLocales } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { completePublic, publicChallenge, publicForm } from '../public/answer-public.js'
import { clientIdOf, ensureClientId } from '../public/client-id.js'
import { addressOf, hitRate } from '../public/rate-limit.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { answersAsSent } from '../responses/answers-as-sent.js'

type Deps = PluginContext<SurveyConfig> & AnswerDeps
const errors = {
  400: jsonResponse(errorBody, 'Invalid request, answers, client id or proof'), 404: jsonResponse(errorBody, 'No public survey at this token'),
  409: jsonResponse(errorBody, 'This browser already answered, or the survey is closed'), 429: jsonResponse(errorBody, 'Too many requests from this address'),
}

/** @example ctx.route(publicFormRoute(deps)) */
export const publicFormRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'get', path: '/public/{token}', access: policies.anonymous, crossOrigin: true, summary: 'The public survey; sets the browser client id cookie',
    request: { params: publicParams, query: z.object({ locale: z.enum(surveyLocales).optional() }) },
    responses: { 200: jsonResponse(publicFormSchema, 'The form'), ...errors },
  },
  async (c) => {
    const { token } = c.req.valid('param')
    await hitRate(deps.db, token, addressOf(c), deps.now(), deps.config.publicPerMinute)
    return c.json(await publicForm(deps.db, token, ensureClientId(c), c.req.valid('query').locale), 200)
  },
)

/** @example ctx.route(publicChallengeRoute(deps)) */
export const publicChallengeRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/public/{token}/challenges', access: policies.anonymous, crossOrigin: true, summary: 'A proof-of-work challenge for one response',
    request: { params: publicParams }, responses: { 201: jsonResponse(challengeSchema, 'The challenge'), ...errors },
  },
  async (c) => {
    const { token } = c.req.valid('param')
    await hitRate(deps.db, token, addressOf(c), deps.now(), deps.config.publicPerMinute)
    return c.json(await publicChallenge(deps.db, token, deps.now(), deps.config.challengeTtlSeconds), 201)
  },
)

/** @example ctx.route(publicResponseRoute(deps)) */
export const publicResponseRoute = (deps: Deps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/public/{token}/responses', access: policies.anonymous, crossOrigin: true, summary: 'An anonymous completed response',
    request: { params: publicParams, body: jsonBody(publicAnswerRequest) }, bodyLimitBytes: 256 * 1024,
    responses: {
      201: jsonResponse(z.object({ responseId: z.string(), completedAt: z.string() }), 'Stored'),
      422: jsonResponse(errorBody, 'Required answers or validators not satisfied'), ...errors,
    },
  },
  async (c) => {
    const { token } = c.req.valid('param')
    await hitRate(deps.db, token, addressOf(c), deps.now(), deps.config.publicPerMinute)
    const body = c.req.valid('json')
    const answers = await answersAsSent(c, body.answers)
    return c.json(await completePublic(deps.db, deps, token, clientIdOf(c, body.clientId), { ...body, answers }), 201)
  },
)
