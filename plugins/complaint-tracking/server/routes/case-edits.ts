/**
 * @module
 * `PATCH /cases/{id}`: category, priority and tags after intake (staff, or an API key), each change
 * in the case history; category and priority changes also emit `complaint.changed`.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseParams, caseSchema, caseUpdateRequest } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { publicCase } from '../cases/case-store.js'
import { editCase } from '../cases/edit-case.js'
import type { ComplaintsConfig } from '../config.js'

/** @example ctx.route(editCaseRoute(ctx)) */
export const editCaseRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'patch', path: '/cases/{id}', access: policies.staffWrite('customers:write'),
    summary: "Change a case's category, priority or tags, recorded in its history",
    request: { params: caseParams, body: jsonBody(caseUpdateRequest) },
    responses: { 200: jsonResponse(caseSchema, 'The case'), 404: jsonResponse(errorBody, 'No such case'), 422: jsonResponse(errorBody, 'Unknown category'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const actor = actorOf(c.get('caller'))
    return c.json(publicCase(await ctx.db.tx((tx) => editCase(tx, ctx, id, c.req.valid('json'), actor))), 200)
  },
)
