/**
 * @module
 * Invitations for staff: `POST /surveys/{id}/invitations` issues a signed link for one customer
 * (quiet period checked, hidden fields and answers prefilled); `GET /invitations` lists them with their status;
 * `POST /invitations/{id}/prefills` signs answers for an invitation's link (one per score button of an e-mail).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { idParams, invitationQuery, invitationRequest, invitationSchema, issuedInvitationSchema, prefillRequest, prefillSchema } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { invitationById, invitationView, listInvitations } from '../distribution/invitation-store.js'
import { issueInvitation } from '../distribution/issue-invitation.js'
import { surveyErrors } from '../errors.js'
import { signPrefill } from '../prefill/prefill-signature.js'
import { checkAnswers } from '../responses/check-answers.js'
import { findSurvey, findVersion } from '../surveys/survey-store.js'
import { compileSurvey } from '../validation/index.js'

/** @example ctx.route(createInvitationRoute(ctx)) */
export const createInvitationRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/surveys/{id}/invitations', access: policies.staffWrite('customers:write'),
    summary: 'Issue a signed survey link for one customer', request: { params: idParams, body: jsonBody(invitationRequest) },
    responses: {
      201: jsonResponse(issuedInvitationSchema, 'The invitation, its token and page URL'), 404: jsonResponse(errorBody, 'No such survey, or no such customer (CUSTOMER_NOT_FOUND)'),
      409: jsonResponse(errorBody, 'Archived, unpublished, or within the quiet period'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const issued = await ctx.db.tx(async (tx) => {
      const survey = await findSurvey(tx, id)
      if (!survey) throw surveyErrors.NOT_FOUND({ surveyId: id })
      return issueInvitation(tx, ctx, { ...body, survey, source: 'manual' })
    })
    return c.json({ ...invitationView(issued.invitation), token: issued.token, url: issued.url }, 201)
  },
)

/** @example ctx.route(listInvitationsRoute(ctx)) */
export const listInvitationsRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/invitations', access: policies.staffRead('customers:read'), summary: 'Invitations, newest first, by survey, customer or status',
    request: { query: invitationQuery }, responses: { 200: jsonResponse(z.object({ items: z.array(invitationSchema) }), 'Invitations'), ...commonErrors },
  },
  async (c) => c.json({ items: (await listInvitations(ctx.db, c.req.valid('query'))).map(invitationView) }, 200),
)

/** @example ctx.route(prefillInvitationRoute(ctx)) */
export const prefillInvitationRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/invitations/{id}/prefills', access: policies.staffWrite('customers:write'),
    summary: "Sign answers for an invitation's link: append ?prefill=<value> to the link (a score clicked in an e-mail)",
    request: { params: idParams, body: jsonBody(prefillRequest) },
    responses: {
      200: jsonResponse(prefillSchema, 'The prefill value'), 404: jsonResponse(errorBody, 'No such invitation (SURVEY_INVITATION_NOT_FOUND)'),
      422: jsonResponse(errorBody, 'The answers break a rule of the survey (SURVEY_ANSWER_RULES)'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { answers } = c.req.valid('json')
    const invitation = await invitationById(ctx.db, id)
    if (!invitation) throw surveyErrors.INVITATION_NOT_FOUND({ invitationId: id })
    const version = (await findVersion(ctx.db, invitation.surveyId, invitation.version))!
    checkAnswers(compileSurvey(version.json), answers, { partial: true })
    return c.json({ prefill: signPrefill(ctx, invitation, answers) }, 200)
  },
)
