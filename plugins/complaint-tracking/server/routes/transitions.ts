/**
 * @module
 * `POST /cases/{id}/transitions`: moves a case along the workflow (staff, or an API key).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseParams, caseSchema, transitionRequest } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { publicCase } from '../cases/case-store.js'
import { transitionCase } from '../cases/transition-case.js'
import type { ComplaintsConfig } from '../config.js'

/** @example ctx.route(transitionRoute(ctx)) */
export const transitionRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/{id}/transitions', access: policies.staffWrite('customers:write'),
    summary: 'Move a case: open, pending, resolve (with a code and summary), close or reopen',
    request: { params: caseParams, body: jsonBody(transitionRequest) },
    responses: {
      200: jsonResponse(caseSchema, 'The case'), 404: jsonResponse(errorBody, 'No such case'),
      409: jsonResponse(errorBody, 'Not allowed from the current status, or past the reopen window'),
      422: jsonResponse(errorBody, 'Resolution code or summary missing, or goodwill refused'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    return c.json(publicCase(await ctx.db.tx((tx) => transitionCase(tx, ctx, id, { ...body, actor }))), 200)
  },
)
