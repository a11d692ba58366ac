/**
 * @module
 * `POST /members` enrols a customer (a repeat returns the member, 200; an unknown customer is 404
 * CUSTOMER_NOT_FOUND); `GET /members/{customerId}`
 * shows the balance, lots and recent ledger; `PATCH /members/{customerId}` changes the status (admins).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { enrolRequest, memberParams, memberSchema, memberUpdate } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { enrol } from '../ledger/enrol.js'
import { findMember, updateMember } from '../ledger/member-store.js'
import { memberView } from './member-view.js'

/** @example ctx.route(enrolRoute(ctx)) */
export const enrolRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members', access: policies.staffWrite('customers:write'),
    summary: 'Enrol a customer as a member',
    request: { body: jsonBody(enrolRequest) },
    responses: {
      200: jsonResponse(memberSchema, 'Already a member'), 201: jsonResponse(memberSchema, 'Enrolled'),
      404: jsonResponse(errorBody, 'No such customer (CUSTOMER_NOT_FOUND)'), ...commonErrors,
    },
  },
  async (c) => {
    const { customerId, birthday } = c.req.valid('json')
    const at = ctx.now().toISOString()
    const { member, created } = await ctx.db.tx(async (tx) => {
      await ctx.customers.require(customerId, tx)
      return enrol(tx, ctx, customerId, { at, birthday: birthday ?? null })
    })
    const view = await memberView(ctx.db, member, ctx.now().toISOString())
    return created ? c.json(view, 201) : c.json(view, 200)
  },
)

/** @example ctx.route(memberRoute(ctx)) */
export const memberRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/members/{customerId}', access: policies.staffRead('customers:read'),
    summary: 'A member: balance, lots and recent ledger entries',
    request: { params: memberParams },
    responses: { 200: jsonResponse(memberSchema, 'The member'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const member = await findMember(ctx.db, customerId)
    if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    return c.json(await memberView(ctx.db, member, ctx.now().toISOString()), 200)
  },
)

/** @example ctx.route(memberStatusRoute(ctx)) */
export const memberStatusRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'patch', path: '/members/{customerId}', access: policies.admins,
    summary: 'Suspend, close or reactivate a member (a suspended or closed member neither earns nor spends); record their birthday',
    request: { params: memberParams, body: jsonBody(memberUpdate) },
    responses: { 200: jsonResponse(memberSchema, 'The member'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const changes = c.req.valid('json')
    const member = await ctx.db.tx((tx) => updateMember(tx, ctx, customerId, changes))
    if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    return c.json(await memberView(ctx.db, member, ctx.now().toISOString()), 200)
  },
)
