/**
 * @module
 * Canned replies: `GET /canned-replies` (by language, or those offered on a case category),
 * `POST /canned-replies`, `PUT /canned-replies/{id}`, `DELETE /canned-replies/{id}` for staff.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { cannedReplyQuery, cannedReplyRequest, cannedReplySchema } from '../../shared/schemas.js'
import { deleteReply, findReply, insertReply, listReplies, updateReply } from '../canned/canned-store.js'
import { actorOf } from '../cases/actor-of.js'
import { newId } from '../cases/case-store.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'

type Ctx = PluginContext<ComplaintsConfig>
const params = z.object({ id: z.string().min(1).max(64) })
const notFound = { 404: jsonResponse(errorBody, 'No such canned reply') }
const badCategory = { 422: jsonResponse(errorBody, 'Unknown category') }
const checkCategory = (ctx: Ctx, category: string | null) => {
  if (category !== null && !ctx.config.categories.some((n) => n.id === category)) throw complaintsErrors.CATEGORY_UNKNOWN({ category })
}

/** @example ctx.route(listCannedRepliesRoute(ctx)) */
export const listCannedRepliesRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/canned-replies', access: policies.staffRead('customers:read'), summary: 'Canned replies by title, by language or for a case category',
    request: { query: cannedReplyQuery }, responses: { 200: jsonResponse(z.object({ items: z.array(cannedReplySchema) }), 'Canned replies'), ...commonErrors },
  },
  async (c) => c.json({ items: await listReplies(ctx.db, c.req.valid('query')) }, 200),
)

/** @example ctx.route(createCannedReplyRoute(ctx)) */
export const createCannedReplyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/canned-replies', access: policies.staffWrite('customers:write'), summary: 'Add a canned reply',
    request: { body: jsonBody(cannedReplyRequest) }, responses: { 201: jsonResponse(cannedReplySchema, 'The reply'), ...badCategory, ...commonErrors },
  },
  async (c) => {
    const body = c.req.valid('json')
    checkCategory(ctx, body.category)
    const id = newId('crp')
    await ctx.db.tx((tx) => insertReply(tx, id, body, actorOf(c.get('caller')), ctx.now().toISOString()))
    return c.json((await findReply(ctx.db, id))!, 201)
  },
)

/** @example ctx.route(updateCannedReplyRoute(ctx)) */
export const updateCannedReplyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'put', path: '/canned-replies/{id}', access: policies.staffWrite('customers:write'), summary: 'Replace a canned reply',
    request: { params, body: jsonBody(cannedReplyRequest) }, responses: { 200: jsonResponse(cannedReplySchema, 'The reply'), ...notFound, ...badCategory, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    checkCategory(ctx, body.category)
    if (!(await ctx.db.tx((tx) => updateReply(tx, id, body, ctx.now().toISOString())))) throw complaintsErrors.CANNED_REPLY_NOT_FOUND({ replyId: id })
    return c.json((await findReply(ctx.db, id))!, 200)
  },
)

/** @example ctx.route(deleteCannedReplyRoute(ctx)) */
export const deleteCannedReplyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'delete', path: '/canned-replies/{id}', access: policies.staffWrite('customers:write'), summary: 'Delete a canned reply',
    request: { params }, responses: { 204: { description: 'Deleted' }, ...notFound, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    if (!(await ctx.db.tx((tx) => deleteReply(tx, id)))) throw complaintsErrors.CANNED_REPLY_NOT_FOUND({ replyId: id })
    return c.body(null, 204)
  },
)
