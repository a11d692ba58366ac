/**
 * @module
 * Saved views of the case list, each the caller's own: `GET /views`, `POST /views`, `DELETE /views/{id}`.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { savedViewRequest, savedViewSchema } from '../../shared/schemas.js'
import { actorOf } from '../cases/actor-of.js'
import { newId } from '../cases/case-store.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { deleteView, insertView, listViews } from '../views/view-store.js'

type Ctx = PluginContext<ComplaintsConfig>

/** @example ctx.route(listViewsRoute(ctx)) */
export const listViewsRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/views', access: policies.staffRead('customers:read'), summary: "The caller's saved views of the case list",
    responses: { 200: jsonResponse(z.object({ items: z.array(savedViewSchema) }), 'Saved views'), ...commonErrors },
  },
  async (c) => c.json({ items: await listViews(ctx.db, actorOf(c.get('caller'))) }, 200),
)

/** @example ctx.route(createViewRoute(ctx)) */
export const createViewRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/views', access: policies.staffRead('customers:read'), summary: 'Save the case list filters under a name',
    request: { body: jsonBody(savedViewRequest) }, responses: { 201: jsonResponse(savedViewSchema, 'The view'), ...commonErrors },
  },
  async (c) => {
    const body = c.req.valid('json')
    const view = { id: newId('view'), name: body.name, filters: body.filters, createdAt: ctx.now().toISOString() }
    await ctx.db.tx((tx) => insertView(tx, { ...view, ownerId: actorOf(c.get('caller')) }))
    return c.json(view, 201)
  },
)

/** @example ctx.route(deleteViewRoute(ctx)) */
export const deleteViewRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'delete', path: '/views/{id}', access: policies.staffRead('customers:read'), summary: 'Delete one of your saved views',
    request: { params: z.object({ id: z.string().min(1).max(64) }) },
    responses: { 204: { description: 'Deleted' }, 404: jsonResponse(errorBody, 'No such view of yours'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    if (!(await ctx.db.tx((tx) => deleteView(tx, id, actorOf(c.get('caller')))))) throw complaintsErrors.VIEW_NOT_FOUND({ viewId: id })
    return c.body(null, 204)
  },
)
