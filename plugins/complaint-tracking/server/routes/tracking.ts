/**
 * @module
 * The anonymous filer's case page through the tracking token of the form's answer:
 * `POST /tracking` shows the case as its customer sees it (no internal notes, assignee, contact or
 * SLA) and `POST /tracking/messages` replies while it is not finished. The token travels in the
 * body, never in a URL, so no access log holds it; a wrong token is 404 COMPLAINTS_TRACKING_INVALID
 * and says nothing of whether the case exists. Only cases filed without a customer open this way.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseDetailSchema, messageSchema, trackingReplyRequest, trackingRequest } from '../../shared/schemas.js'
import { findCase } from '../cases/case-store.js'
import { caseView } from '../cases/case-view.js'
import { postMessage } from '../cases/post-message.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { caseOfTrackingToken } from '../tracking/tracking-token.js'

const caseIdOf = (ctx: PluginContext<ComplaintsConfig>, token: string): string => {
  const caseId = caseOfTrackingToken(ctx, token)
  if (!caseId) throw complaintsErrors.TRACKING_INVALID()
  return caseId
}

const anonymousOnly = (customerId: string | null) => { if (customerId !== null) throw complaintsErrors.TRACKING_INVALID() }

/** @example ctx.route(trackingRoute(ctx)) */
export const trackingRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/tracking', access: policies.anonymous,
    summary: 'The case filed through the public form, opened with the tracking token of its answer',
    request: { body: jsonBody(trackingRequest) },
    responses: { 200: jsonResponse(caseDetailSchema, 'The case as its filer sees it'), 404: jsonResponse(errorBody, 'Not a tracking token of a case'), ...commonErrors },
  },
  async (c) => {
    const found = await findCase(ctx.db, caseIdOf(ctx, c.req.valid('json').token), ctx.now())
    if (!found) throw complaintsErrors.TRACKING_INVALID()
    anonymousOnly(found.customerId)
    return c.json(await caseView(ctx.db, ctx.config, found, false, ctx.now()), 200)
  },
)

/** @example ctx.route(trackingReplyRoute(ctx)) */
export const trackingReplyRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/tracking/messages', access: policies.anonymous,
    summary: 'The filer replies on the case of their tracking token while it is not resolved or closed',
    request: { body: jsonBody(trackingReplyRequest) },
    responses: {
      201: jsonResponse(messageSchema, 'The reply'), 404: jsonResponse(errorBody, 'Not a tracking token of a case'),
      409: jsonResponse(errorBody, 'The case is resolved or closed'), ...commonErrors,
    },
  },
  async (c) => {
    const { token, body } = c.req.valid('json')
    const caseId = caseIdOf(ctx, token)
    const input = { body, visibility: 'customer' as const, actor: 'anonymous', byCustomer: true }
    const message = await ctx.db.tx((tx) => postMessage(tx, ctx, caseId, input, anonymousOnly)).catch((err: unknown) => {
      throw (err as { code?: string }).code === 'COMPLAINTS_CASE_NOT_FOUND' ? complaintsErrors.TRACKING_INVALID() : err
    })
    return c.json(message, 201)
  },
)
