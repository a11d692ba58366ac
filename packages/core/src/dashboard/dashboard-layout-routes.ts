/**
 * @module
 * `GET` and `PUT /api/v1/dashboard/layout`: the signed-in user's own arrangement of the dashboard
 * (widget order, hidden widgets). Only signed-in people have one: an API key has no dashboard.
 */
import { z } from '@hono/zod-openapi'
import { authErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, jsonResponse } from '../http/responses.js'
import type { Caller } from '../http/app-env.js'
import type { CoreServices } from '../services.js'

const widgetRef = z.object({
  plugin: z.string().min(1).max(64).openapi({ example: 'satisfaction-survey' }),
  id: z.string().min(1).max(64).openapi({ example: 'nps' }),
  hidden: z.boolean().default(false).openapi({ description: 'Left off the dashboard until shown again' }),
})

/** A user's layout: widgets in display order; widgets it does not name come after them, shown. */
export const dashboardLayoutSchema = z.object({
  widgets: z.array(widgetRef).max(100).refine((ws) => new Set(ws.map((w) => `${w.plugin}/${w.id}`)).size === ws.length, 'lists a widget twice'),
}).openapi('DashboardLayout', { example: { widgets: [{ plugin: 'satisfaction-survey', id: 'nps', hidden: false }, { plugin: 'tiering', id: 'tiers', hidden: true }] } })

// Its own example: the layout's would be copied onto it without updatedAt, which it requires.
const layoutResponse = dashboardLayoutSchema
  .extend({ updatedAt: z.string().nullable().openapi({ description: 'Null until the user first arranges the dashboard' }) })
  .openapi({ example: { widgets: [{ plugin: 'satisfaction-survey', id: 'nps', hidden: false }], updatedAt: '2026-12-01T08:00:00.000Z' } })

const userIdOf = (caller: Caller): string => {
  if (caller.kind !== 'user') throw authErrors.REQUIRED()
  return caller.userId
}

/** @example const routes = [...dashboardLayoutRoutes(s)] */
export function dashboardLayoutRoutes(s: CoreServices) {
  const read = defineRoute(
    {
      method: 'get', path: '/api/v1/dashboard/layout', access: policies.signedIn, tags: ['dashboard'], operationId: 'getDashboardLayout',
      summary: "The signed-in user's dashboard layout",
      responses: { 200: jsonResponse(layoutResponse, 'Widget order and hidden widgets'), ...commonErrors },
    },
    async (c) => {
      const row = await s.db.get<{ widgets: unknown; updated_at: string }>('SELECT widgets, updated_at FROM core_dashboard_layouts WHERE user_id = ?', [userIdOf(c.get('caller'))])
      return c.json({ widgets: row ? (typeof row.widgets === 'string' ? JSON.parse(row.widgets) : row.widgets) : [], updatedAt: row?.updated_at ?? null }, 200)
    },
  )
  const save = defineRoute(
    {
      method: 'put', path: '/api/v1/dashboard/layout', access: policies.signedIn, tags: ['dashboard'], operationId: 'saveDashboardLayout',
      summary: "Replaces the signed-in user's dashboard layout",
      request: { body: { content: { 'application/json': { schema: dashboardLayoutSchema } }, required: true } },
      responses: { 200: jsonResponse(layoutResponse, 'The layout as stored'), ...commonErrors },
    },
    async (c) => {
      const userId = userIdOf(c.get('caller'))
      const { widgets } = c.req.valid('json')
      const at = s.now().toISOString()
      await s.db.run(
        `INSERT INTO core_dashboard_layouts (user_id, widgets, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET widgets = excluded.widgets, updated_at = excluded.updated_at`,
        [userId, JSON.stringify(widgets), at],
      )
      return c.json({ widgets, updatedAt: at }, 200)
    },
  )
  return [read, save]
}
