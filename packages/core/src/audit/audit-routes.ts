/**
 * @module
 * `GET /api/v1/audit`: the audit log for owners and admins, newest first, with filters.
 */
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { listAudit } from './audit-list.js'
import { auditListQuery, auditPageSchema } from './audit-schemas.js'

/**
 * The audit log route, for `coreRoutes`.
 * @example const routes = auditRoutes(services) // GET /api/v1/audit
 */
export function auditRoutes(s: CoreServices): CoreRoute[] {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/audit', access: policies.admins, tags: ['audit'], summary: 'Who changed what, when',
      description: 'Newest first, keyset-paginated: pass nextCursor back as cursor with the same filters. from and to are days in the business time zone, both included.',
      request: { query: auditListQuery },
      responses: { 200: jsonResponse(auditPageSchema, 'One page of entries'), ...commonErrors },
    },
    async (c) => c.json(await listAudit(s.db, c.req.valid('query'), s.config.timeZone), 200),
  )
  return [list]
}
