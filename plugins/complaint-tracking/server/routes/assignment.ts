/**
 * @module
 * `POST /cases/{id}/assignment`: assigns a case to an active user or a team (`team:<name>`), or
 * unassigns it with `null`; an id that is neither is a 422 naming the field.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { assignmentRequest, caseParams, caseSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { publicCase } from '../cases/case-store.js'
import { assignCase } from '../cases/assign-case.js'
import type { ComplaintsConfig } from '../config.js'
import { notifyAssignee } from '../channels/staff-notifications.js'

/** @example ctx.route(assignmentRoute(ctx)) */
export const assignmentRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/{id}/assignment', access: policies.staffWrite('customers:write'),
    summary: 'Assign a case to an agent',
    request: { params: caseParams, body: jsonBody(assignmentRequest) },
    responses: {
      200: jsonResponse(caseSchema, 'The case'), 404: jsonResponse(errorBody, 'No such case'), 409: jsonResponse(errorBody, 'The case is closed'),
      422: jsonResponse(errorBody, 'No active user or team with that id (COMPLAINTS_ASSIGNEE_NOT_FOUND)'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { assigneeId } = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const saved = await ctx.db.tx(async (tx) => {
      const assigned = await assignCase(tx, ctx, id, assigneeId, actor)
      await notifyAssignee(ctx, tx, id, assigneeId, actor, assigned.updatedAt)
      return assigned
    })
    return c.json(publicCase(saved), 200)
  },
)
