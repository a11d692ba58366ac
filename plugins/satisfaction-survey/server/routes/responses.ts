/**
 * @module
 * Responses for staff: a filtered list (survey, version, date range, customer, status) and one response.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { responsePageSchema, responseQuery, responseSchema } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import { findResponse, listResponses } from '../responses/response-store.js'

const read = policies.staffRead('customers:read')

/** @example ctx.route(listResponsesRoute(ctx)) */
export const listResponsesRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/responses', access: read, summary: 'Responses, newest first, by survey, version, date range and customer',
    request: { query: responseQuery }, responses: { 200: jsonResponse(responsePageSchema, 'A page of responses'), ...commonErrors },
  },
  async (c) => c.json(await listResponses(ctx.db, c.req.valid('query')), 200),
)

/** @example ctx.route(getResponseRoute(ctx)) */
export const getResponseRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/responses/{id}', access: read, summary: 'One response with its answers, hidden fields and profile snapshot',
    request: { params: z.object({ id: z.string().min(1).max(64) }) },
    responses: { 200: jsonResponse(responseSchema, 'The response'), 404: jsonResponse(errorBody, 'No such response'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const found = await findResponse(ctx.db, id)
    if (!found) throw surveyErrors.RESPONSE_NOT_FOUND({ responseId: id })
    return c.json(found, 200)
  },
)
