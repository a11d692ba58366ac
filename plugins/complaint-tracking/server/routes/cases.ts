/**
 * @module
 * `POST /cases` takes a complaint in (staff or an API key; a customer files through `POST /me/cases`);
 * `GET /cases` lists them for staff; `GET /cases/{id}` shows one case with its messages and history
 * (to its customer through a link without internal notes).
 */
import { assertSameCustomer, commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { caseDetailSchema, caseParams, casePageSchema, caseQuery, caseRequest, caseSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { findCase, listCases, publicCase } from '../cases/case-store.js'
import { caseView } from '../cases/case-view.js'
import { openCase } from '../cases/open-case.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'

/** The link purpose that opens this plugin's customer routes. */
export const LINK = 'complaint-tracking'

/** @example ctx.route(createCaseRoute(ctx)) */
export const createCaseRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases', access: policies.staffWrite('customers:write'),
    summary: 'Record a complaint for a customer (staff; customers file through POST /me/cases)',
    request: { body: jsonBody(caseRequest) },
    responses: { 201: jsonResponse(caseSchema, 'The new case'), 404: jsonResponse(errorBody, 'No such customer (CUSTOMER_NOT_FOUND)'), 422: jsonResponse(errorBody, 'Unknown category'), ...commonErrors },
  },
  async (c) => {
    const body = c.req.valid('json')
    await ctx.customers.require(body.customerId)
    const caller = c.get('caller')
    const created = await ctx.db.tx((tx) => openCase(tx, ctx, { ...body, orderRef: body.orderRef ?? null, createdBy: actorOf(caller), filedByStaff: true }))
    return c.json(publicCase(created), 201)
  },
)

/** @example ctx.route(listCasesRoute(ctx)) */
export const listCasesRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/cases', access: policies.staffRead('customers:read'),
    summary: 'Cases, newest first, by status, SLA state, priority, category, channel, assignee (me: my queue), customer, number or tag',
    request: { query: caseQuery },
    responses: { 200: jsonResponse(casePageSchema, 'A page of cases'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const caller = c.get('caller')
    // `me` is the caller's own queue; a caller that is not a person has none.
    const assignee = q.assignee === 'me' ? (caller.kind === 'user' ? caller.userId : '-') : q.assignee
    return c.json(await listCases(ctx.db, { ...q, assignee }, ctx.now()), 200)
  },
)

/** @example ctx.route(getCaseRoute(ctx)) */
export const getCaseRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/cases/{id}', access: { ...policies.staffRead('customers:read'), customerLink: LINK },
    summary: 'One case with its messages and history',
    request: { params: caseParams },
    responses: { 200: jsonResponse(caseDetailSchema, 'The case'), 404: jsonResponse(errorBody, 'No such case'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const caller = c.get('caller')
    const found = await findCase(ctx.db, id, ctx.now())
    if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId: id })
    assertSameCustomer(caller, found.customerId ?? '')
    return c.json(await caseView(ctx.db, ctx.config, found, caller.kind !== 'customer', ctx.now()), 200)
  },
)
