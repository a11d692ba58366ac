import { z } from '@hono/zod-openapi'
import type { CoreServices } from '../services.js'
import { policies } from './access.js'
import { defineRoute } from './define-route.js'
import { jsonResponse } from './responses.js'

const health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ status: z.enum(['ok', 'unavailable']), dialect: z.enum(['sqlite', 'pg']) }),
    timeZone: z.string(),
  })
  .openapi('Health')

/** `GET /api/health`: version and database status; 503 when the database does not answer. */
export function healthRoutes(s: CoreServices) {
  return [
    defineRoute(
      { method: 'get', path: '/api/health', access: policies.anonymous, tags: ['health'], summary: 'Liveness and database status', responses: { 200: jsonResponse(health, 'Healthy'), 503: jsonResponse(health, 'Database unavailable') } },
      async (c) => {
        const up = await s.db.ping().catch(() => false)
        const body = { status: up ? 'ok' : 'degraded', version: s.config.version, database: { status: up ? 'ok' : 'unavailable', dialect: s.db.dialect }, timeZone: s.config.timeZone } as const
        return up ? c.json(body, 200) : c.json(body, 503)
      },
    ),
  ]
}
