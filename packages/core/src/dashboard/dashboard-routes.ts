/**
 * @module
 * `GET /api/v1/dashboard`: every widget of every enabled plugin for one date range and segment,
 * in one response, so the admin's dashboard costs one request per filter change. A widget that
 * fails or is slow is reported with its error; the others still answer.
 */
import { z } from '@hono/zod-openapi'
import { withTimeout } from '../async/with-timeout.js'
import { toRapportError } from '../errors/to-rapport-error.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import { savedSegmentCondition } from '../segments/segment-members.js'
import { getSegment } from '../segments/segment-store.js'
import type { CoreServices } from '../services.js'
import { dashboardLayoutRoutes } from './dashboard-layout-routes.js'
import { dashboardScope, previousRange } from './dashboard-scope.js'

/** How long one widget may take before the dashboard answers without it. */
export const WIDGET_TIMEOUT_MS = 10_000

/** A calendar day, `2026-01-31`, that exists. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a day of the calendar')

const dashboardQuery = z.strictObject({
  from: calendarDate.optional().openapi({ description: 'First day, in the business\'s time zone (default: 29 days before `to`)', example: '2026-01-01' }),
  to: calendarDate.optional().openapi({ description: 'Last day, included (default: today)', example: '2026-01-31' }),
  filter: z
    .union([z.string().max(300), z.array(z.string().max(300)).max(10)])
    .optional()
    .openapi({ description: 'Repeatable profile filter field:op:value choosing the segment, as in the customer list', example: 'tiering.tier:eq:diamond' }),
  segment: z.string().min(1).max(64).optional().openapi({ description: 'A saved segment id; combined with any filters (both must hold)', example: 'seg_0mbx3k2a1f3c9e0d2b4a6c8e' }),
  compare: z.enum(['previous']).optional().openapi({ description: 'Also load each widget for the previous range of equal length, as `previous`, for period-over-period change' }),
})

const widgetResult = z.object({
  plugin: z.string(),
  id: z.string(),
  title: z.object({ en: z.string(), 'zh-CN': z.string() }),
  data: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  previous: z.unknown().optional().openapi({ description: 'With compare=previous: the same widget over the previous range of equal length' }),
})

const dashboardResponse = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  filtered: z.boolean(),
  previousRange: z.object({ from: z.string(), to: z.string() }).optional().openapi({ description: 'With compare=previous: the previous range, as UTC instants like `from` and `to`' }),
  widgets: z.array(widgetResult),
})

/** The dashboard route, for every signed-in role and API keys with `customers:read`. @example const routes = [...dashboardRoutes(s)] */
export function dashboardRoutes(s: CoreServices) {
  const dashboard = defineRoute(
    {
      method: 'get', path: '/api/v1/dashboard', access: policies.staffRead('customers:read'), tags: ['dashboard'],
      summary: 'Every enabled plugin\'s dashboard widgets for a date range and segment',
      request: { query: dashboardQuery },
      responses: {
        200: jsonResponse(dashboardResponse, 'The widgets, in plugin boot order'), 404: jsonResponse(errorBody, 'No such segment'),
        409: jsonResponse(errorBody, 'The segment uses a field no enabled plugin declares'), ...commonErrors,
      },
    },
    async (c) => {
      const query = c.req.valid('query')
      const segment = query.segment === undefined ? undefined : savedSegmentCondition(s.runtime.fields(), await getSegment(s.db, query.segment))
      const scope = dashboardScope(query, s.runtime, s.config.timeZone, s.now(), segment)
      const prior = query.compare === 'previous' ? dashboardScope({ ...query, ...previousRange(scope) }, s.runtime, s.config.timeZone, s.now(), segment) : undefined
      const widgets = s.runtime.active().flatMap((plugin) =>
        Object.entries(plugin.definition.dashboard ?? {}).map(async ([id, widget]) => {
          const base = { plugin: plugin.definition.name, id, title: widget.title }
          try {
            // The previous range loads beside the current one: a widget costs one timeout, not two.
            const [data, previous] = await Promise.all([
              withTimeout(() => widget.load(plugin.context, scope), WIDGET_TIMEOUT_MS),
              prior ? withTimeout(() => widget.load(plugin.context, prior), WIDGET_TIMEOUT_MS) : undefined,
            ])
            return { ...base, data, ...(prior ? { previous } : {}) }
          } catch (err) {
            const error = toRapportError(err)
            s.log.error({ plugin: base.plugin, widget: id, code: error.code, err: error.status >= 500 ? err : undefined }, 'dashboard widget failed')
            return { ...base, error: { code: error.code, message: error.message } }
          }
        }),
      )
      const previousRangeView = prior ? { previousRange: { from: prior.from, to: prior.to } } : {}
      return c.json({ from: scope.from, to: scope.to, timeZone: scope.timeZone, filtered: scope.filtered, ...previousRangeView, widgets: await Promise.all(widgets) }, 200)
    },
  )
  return [dashboard, ...dashboardLayoutRoutes(s)]
}
