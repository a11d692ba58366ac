/**
 * @module
 * `GET /follow-ups`: follow-up visits (回访) for agents, due ones with `due=true`;
 * `POST /follow-ups/{id}/outcome`: records the visit's outcome in the visit and the case history.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { followUpListSchema, followUpOutcomeRequest, followUpParams, followUpQuery, followUpSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { recordHistory } from '../cases/case-log.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { findFollowUp, listFollowUps, saveOutcome } from '../follow-ups/follow-up-store.js'

/** @example ctx.route(listFollowUpsRoute(ctx)) */
export const listFollowUpsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/follow-ups', access: policies.staffRead('customers:read'),
    summary: 'Follow-up visits, earliest due first; due=true lists the pending ones due now',
    request: { query: followUpQuery },
    responses: { 200: jsonResponse(followUpListSchema, 'Follow-up visits'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const due = q.due === 'true'
    const items = await listFollowUps(ctx.db, { status: due ? 'pending' : q.status, dueBy: due ? ctx.now().toISOString() : undefined, limit: q.limit })
    return c.json({ items }, 200)
  },
)

/** @example ctx.route(followUpOutcomeRoute(ctx)) */
export const followUpOutcomeRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/follow-ups/{id}/outcome', access: policies.staffWrite('customers:write'),
    summary: 'Record the outcome of a follow-up visit',
    request: { params: followUpParams, body: jsonBody(followUpOutcomeRequest) },
    responses: {
      200: jsonResponse(followUpSchema, 'The visit'), 404: jsonResponse(errorBody, 'No such visit'),
      409: jsonResponse(errorBody, 'Already done or cancelled'), 422: jsonResponse(errorBody, 'Satisfied without being reached'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const saved = await ctx.db.tx(async (tx) => {
      const found = await findFollowUp(tx, id, true)
      if (!found) throw complaintsErrors.FOLLOW_UP_NOT_FOUND({ followUpId: id })
      if (found.status !== 'pending') throw complaintsErrors.FOLLOW_UP_DONE({ followUpId: id, status: found.status })
      if (!body.reached && body.satisfied !== null) throw complaintsErrors.FOLLOW_UP_OUTCOME_INVALID()
      const at = ctx.now().toISOString()
      const outcome = { reached: body.reached, satisfied: body.satisfied, notes: body.notes ?? null, recordedBy: actor, recordedAt: at }
      await saveOutcome(tx, id, outcome)
      await recordHistory(tx, found.caseId, { action: 'follow_up_recorded', actor, fromStatus: null, toStatus: null, at, details: { followUpId: id, reached: body.reached, satisfied: body.satisfied, ...(body.notes ? { notes: body.notes } : {}) } }, 'internal')
      return (await findFollowUp(tx, id))!
    })
    return c.json(saved, 200)
  },
)
