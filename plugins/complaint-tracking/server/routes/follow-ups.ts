/**
 * @module
 * Follow-up visits (回访) for agents: `GET /follow-ups` (due now or today, by owner, by plan),
 * `GET /follow-ups/{id}` (with its calls and call script), `POST /follow-ups` (scheduled by hand,
 * for a case or a customer), `PATCH /follow-ups/{id}` (reschedule, change the owner).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { DateTime } from 'luxon'
import { followUpDetailSchema, followUpListSchema, followUpParams, followUpQuery, followUpRequest, followUpSchema, followUpUpdateRequest } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { recordHistory } from '../cases/case-log.js'
import { findCase, newId } from '../cases/case-store.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { checkOwner } from '../follow-ups/check-owner.js'
import { findFollowUp, listFollowUps, scheduleFollowUp, updateFollowUp } from '../follow-ups/follow-up-store.js'
import { followUpView } from '../follow-ups/follow-up-view.js'

type Ctx = PluginContext<ComplaintsConfig>
const read = policies.staffRead('customers:read')
const write = policies.staffWrite('customers:write')
const notFound = { 404: jsonResponse(errorBody, 'No such visit (or case, or customer)') }
const badOwner = { 422: jsonResponse(errorBody, 'No active staff user with that id (COMPLAINTS_FOLLOW_UP_OWNER_NOT_FOUND)') }

/** @example ctx.route(listFollowUpsRoute(ctx)) */
export const listFollowUpsRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/follow-ups', access: read,
    summary: 'Follow-up visits, earliest due first; due=true: pending and due now, due=today: pending and due by the end of the business day; owner=me: the caller\'s',
    request: { query: followUpQuery },
    responses: { 200: jsonResponse(followUpListSchema, 'Follow-up visits'), ...commonErrors },
  },
  async (c) => {
    const q = c.req.valid('query')
    const now = ctx.now()
    const dueBy = q.due === 'true' ? now.toISOString() : q.due === 'today' ? DateTime.fromJSDate(now, { zone: ctx.timeZone }).endOf('day').toUTC().toISO()! : undefined
    const caller = c.get('caller')
    const ownerId = q.owner === 'me' ? (caller.kind === 'user' ? caller.userId : '-') : q.owner
    const items = await listFollowUps(ctx.db, { status: dueBy ? 'pending' : q.status, dueBy, ownerId, planId: q.planId, limit: q.limit })
    return c.json({ items }, 200)
  },
)

/** @example ctx.route(getFollowUpRoute(ctx)) */
export const getFollowUpRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/follow-ups/{id}', access: read, summary: 'One visit with its calls and its call script',
    request: { params: followUpParams },
    responses: { 200: jsonResponse(followUpDetailSchema, 'The visit'), ...notFound, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const found = await findFollowUp(ctx.db, id)
    if (!found) throw complaintsErrors.FOLLOW_UP_NOT_FOUND({ followUpId: id })
    return c.json(await followUpView(ctx.db, ctx.config, found), 200)
  },
)

/** @example ctx.route(createFollowUpRoute(ctx)) */
export const createFollowUpRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/follow-ups', access: write, summary: 'Schedule a visit by hand, for a case or a customer; the owner defaults to the caller',
    request: { body: jsonBody(followUpRequest) },
    responses: { 201: jsonResponse(followUpSchema, 'The visit'), ...notFound, ...badOwner, ...commonErrors },
  },
  async (c) => {
    const body = c.req.valid('json')
    const caller = c.get('caller')
    const actor = actorOf(caller)
    const saved = await ctx.db.tx(async (tx) => {
      const now = ctx.now()
      let customerId = body.customerId ?? null
      if (body.caseId !== undefined) {
        const found = await findCase(tx, body.caseId, now)
        if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId: body.caseId })
        customerId = found.customerId
      } else await ctx.customers.require(customerId!, tx)
      const ownerId = body.ownerId ?? (caller.kind === 'user' ? caller.userId : null)
      await checkOwner(ctx, tx, ownerId)
      const id = newId('fu')
      const dueAt = new Date(body.dueAt).toISOString()
      await scheduleFollowUp(tx, { id, caseId: body.caseId ?? null, customerId, dueAt, createdAt: now.toISOString(), ownerId })
      if (body.caseId !== undefined) {
        await recordHistory(tx, body.caseId, { action: 'follow_up_scheduled', actor, fromStatus: null, toStatus: null, at: now.toISOString(), details: { followUpId: id, dueAt, manual: true, ...(body.notes ? { notes: body.notes } : {}) } }, 'internal')
      }
      return (await findFollowUp(tx, id))!
    })
    return c.json(saved, 201)
  },
)

/** @example ctx.route(updateFollowUpRoute(ctx)) */
export const updateFollowUpRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'patch', path: '/follow-ups/{id}', access: write, summary: 'Reschedule a pending visit or give it to another owner',
    request: { params: followUpParams, body: jsonBody(followUpUpdateRequest) },
    responses: { 200: jsonResponse(followUpSchema, 'The visit'), ...notFound, 409: jsonResponse(errorBody, 'Already done or cancelled'), ...badOwner, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const actor = actorOf(c.get('caller'))
    const saved = await ctx.db.tx(async (tx) => {
      const found = await findFollowUp(tx, id, true)
      if (!found) throw complaintsErrors.FOLLOW_UP_NOT_FOUND({ followUpId: id })
      if (found.status !== 'pending') throw complaintsErrors.FOLLOW_UP_DONE({ followUpId: id, status: found.status })
      const ownerId = body.ownerId === undefined ? found.ownerId : body.ownerId
      if (ownerId !== found.ownerId) await checkOwner(ctx, tx, ownerId)
      const dueAt = body.dueAt === undefined ? found.dueAt : new Date(body.dueAt).toISOString()
      await updateFollowUp(tx, id, { dueAt, ownerId })
      if (found.caseId !== null && (dueAt !== found.dueAt || ownerId !== found.ownerId)) {
        const details = { followUpId: id, ...(dueAt !== found.dueAt ? { fromDueAt: found.dueAt, dueAt } : {}), ...(ownerId !== found.ownerId ? { fromOwnerId: found.ownerId, ownerId } : {}) }
        await recordHistory(tx, found.caseId, { action: 'follow_up_rescheduled', actor, fromStatus: null, toStatus: null, at: ctx.now().toISOString(), details }, 'internal')
      }
      return (await findFollowUp(tx, id))!
    })
    return c.json(saved, 200)
  },
)
