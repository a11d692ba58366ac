/**
 * @module
 * `POST /cases/{id}/merge`: merges a duplicate into the case that survives it; `POST /cases/bulk`:
 * assign, move or tag up to 100 cases, each reported on its own.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { bulkRequest, bulkResultSchema, caseParams, caseSchema, mergeRequest } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { bulkUpdate } from '../cases/bulk-update.js'
import { publicCase } from '../cases/case-store.js'
import { mergeCase } from '../cases/merge-case.js'
import type { ComplaintsConfig } from '../config.js'

/** @example ctx.route(mergeCaseRoute(ctx)) */
export const mergeCaseRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/{id}/merge', access: policies.staffWrite('customers:write'),
    summary: 'Merge this case, a duplicate, into another of the same customer: it is closed and points to the survivor; both keep their history',
    request: { params: caseParams, body: jsonBody(mergeRequest) },
    responses: {
      200: jsonResponse(caseSchema, 'The surviving case'), 404: jsonResponse(errorBody, 'No such case'), 409: jsonResponse(errorBody, 'A case was already merged'),
      422: jsonResponse(errorBody, 'The same case, or cases of different customers'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { into } = c.req.valid('json')
    return c.json(publicCase(await ctx.db.tx((tx) => mergeCase(tx, ctx, id, into, actorOf(c.get('caller'))))), 200)
  },
)

/** @example ctx.route(bulkCasesRoute(ctx)) */
export const bulkCasesRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/bulk', access: policies.staffWrite('customers:write'),
    summary: 'Assign, move or tag up to 100 cases; each succeeds or fails alone, with its error code',
    request: { body: jsonBody(bulkRequest) }, responses: { 200: jsonResponse(bulkResultSchema, 'What happened to each case'), ...commonErrors },
  },
  async (c) => c.json({ results: await bulkUpdate(ctx, c.req.valid('json'), actorOf(c.get('caller'))) }, 200),
)
