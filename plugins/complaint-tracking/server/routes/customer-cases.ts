/**
 * @module
 * The customer's own complaint routes, behind their signed link only: `GET /me/cases` lists their
 * cases (number, status, category; no staff fields), `POST /me/cases` files a
 * case for the link's customer, `POST /me/cases/{id}/messages` replies on one of their cases. The
 * bodies take only what a customer may say (customer-only schemas, strict): staff fields such as
 * `priority`, `channel`, `customerId` or `visibility` are refused with 400, and the server sets them.
 */
import { assertSameCustomer, type Caller, commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseParams, caseSchema, customerCasePage, customerCaseQuery, customerCaseRequest, customerReplyRequest, messageSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { listCases, publicCase } from '../cases/case-store.js'
import { customerIntake } from '../cases/customer-intake.js'
import { openCase } from '../cases/open-case.js'
import { postMessage } from '../cases/post-message.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { LINK } from './cases.js'

/** The link's customer (the policy admits only customer links). */
function linkCustomer(caller: Caller): string {
  if (caller.kind !== 'customer') throw complaintsErrors.CASE_NOT_FOUND({ caseId: '' })
  return caller.customerId
}

/** @example ctx.route(customerCaseRoute(ctx)) */
export const customerCaseRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/me/cases', access: policies.customer(LINK),
    summary: 'The customer files a complaint through their own link (channel link, default priority)',
    request: { body: jsonBody(customerCaseRequest) },
    responses: { 201: jsonResponse(caseSchema, 'The new case'), 422: jsonResponse(errorBody, 'Unknown category'), ...commonErrors },
  },
  async (c) => {
    const caller = c.get('caller')
    const customerId = linkCustomer(caller)
    const { category, description, orderRef, fields } = c.req.valid('json')
    const created = await ctx.db.tx((tx) => openCase(tx, ctx, {
      ...customerIntake('link'), customerId, category, description, orderRef: orderRef ?? null, createdBy: actorOf(caller), fields,
    }))
    return c.json(publicCase(created), 201)
  },
)

/** @example ctx.route(customerReplyRoute(ctx)) */
export const customerReplyRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/me/cases/{id}/messages', access: policies.customer(LINK),
    summary: 'The customer replies on their own case while it is not resolved or closed',
    request: { params: caseParams, body: jsonBody(customerReplyRequest) },
    responses: {
      201: jsonResponse(messageSchema, 'The reply'), 404: jsonResponse(errorBody, 'No such case'),
      409: jsonResponse(errorBody, 'The case is resolved or closed'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { body } = c.req.valid('json')
    const caller = c.get('caller')
    linkCustomer(caller)
    const input = { body, visibility: 'customer' as const, actor: actorOf(caller), byCustomer: true }
    const message = await ctx.db.tx((tx) => postMessage(tx, ctx, id, input, (customerId) => assertSameCustomer(caller, customerId ?? '')))
    return c.json(message, 201)
  },
)

/** @example ctx.route(customerCaseListRoute(ctx)) */
export const customerCaseListRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/me/cases', access: policies.customer(LINK),
    summary: "The link's customer's own cases, newest first (number, status, category and their words only)",
    request: { query: customerCaseQuery },
    responses: { 200: jsonResponse(customerCasePage, 'A page of their cases'), ...commonErrors },
  },
  async (c) => {
    const customerId = linkCustomer(c.get('caller'))
    const { cursor, limit } = c.req.valid('query')
    const page = await listCases(ctx.db, { customerId, limit, ...(cursor ? { cursor } : {}) }, ctx.now())
    const items = page.items.map(({ id, caseNumber, status, category, description, createdAt, updatedAt }) => ({ id, caseNumber, status, category, description, createdAt, updatedAt }))
    return c.json({ items, nextCursor: page.nextCursor }, 200)
  },
)
