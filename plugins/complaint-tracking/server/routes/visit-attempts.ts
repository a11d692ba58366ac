/**
 * @module
 * `POST /follow-ups/{id}/attempts`: one call of a visit (reached, not reached, wrong number), with
 * the retry schedule and the "not satisfied" rule; `POST /follow-ups/{id}/outcome`: the first
 * version's one-step outcome, which ends the visit without retries or the rule.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { followUpOutcomeRequest, followUpParams, followUpSchema, visitAttemptRequest } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import type { ComplaintsConfig } from '../config.js'
import { recordAttempt } from '../follow-ups/record-attempt.js'

const responses = {
  200: jsonResponse(followUpSchema, 'The visit'), 404: jsonResponse(errorBody, 'No such visit'),
  409: jsonResponse(errorBody, 'Already done, cancelled or unreachable'), 422: jsonResponse(errorBody, 'Satisfaction missing when reached, or given when not'), ...commonErrors,
}

/** @example ctx.route(visitAttemptRoute(ctx)) */
export const visitAttemptRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/follow-ups/{id}/attempts', access: policies.staffWrite('customers:write'),
    summary: 'Record one call of a follow-up visit; not reached schedules the next try in business time',
    request: { params: followUpParams, body: jsonBody(visitAttemptRequest) }, responses,
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    return c.json(await ctx.db.tx((tx) => recordAttempt(tx, ctx, id, { ...body, actor })), 200)
  },
)

/** @example ctx.route(followUpOutcomeRoute(ctx)) */
export const followUpOutcomeRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/follow-ups/{id}/outcome', access: policies.staffWrite('customers:write'),
    summary: 'Record the final outcome of a follow-up visit in one step (no retries)',
    request: { params: followUpParams, body: jsonBody(followUpOutcomeRequest) }, responses,
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const input = { outcome: body.reached ? 'reached' as const : 'not_reached' as const, satisfied: body.satisfied ?? undefined, notes: body.notes, actor, final: true }
    return c.json(await ctx.db.tx((tx) => recordAttempt(tx, ctx, id, input)), 200)
  },
)
