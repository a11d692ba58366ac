/**
 * @module
 * Bulk sends, for owners and admins: `POST /api/v1/messaging/bulk-sends` starts sending a template
 * to a saved segment (throttled, after commit), `GET /api/v1/messaging/bulk-sends` lists the latest
 * and `GET /api/v1/messaging/bulk-sends/{id}` reads one with its progress.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../../audit/audit-log.js'
import { messageErrors } from '../../errors/index.js'
import { policies } from '../../http/access.js'
import { defineRoute } from '../../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../../http/responses.js'
import { countMembers, savedSegmentCondition } from '../../segments/segment-members.js'
import { getSegment } from '../../segments/segment-store.js'
import type { CoreServices } from '../../services.js'
import { liveChannels } from '../message-channels.js'
import { findTemplate } from '../message-templates.js'
import { loadMessagingSettings } from '../messaging-settings.js'
import { bulkSendRequest, bulkSendSchema } from './bulk-schemas.js'
import { bulkSendRow, bulkSendView, listBulkSendRows, startBulkSend } from './bulk-store.js'

const idParam = z.object({ id: z.string().min(1).max(64) })

/** @example const routes = [...bulkSendRoutes(s)] */
export function bulkSendRoutes(s: CoreServices) {
  const start = defineRoute(
    {
      method: 'post', path: '/api/v1/messaging/bulk-sends', access: policies.admins, tags: ['messaging'],
      summary: 'Send a template to every customer of a saved segment, throttled, after commit',
      request: { body: jsonBody(bulkSendRequest) },
      responses: {
        201: jsonResponse(bulkSendSchema, 'The send, started'),
        404: jsonResponse(errorBody, 'Unknown segment, template or channel'), 409: jsonResponse(errorBody, 'The segment uses a field no longer declared (SEGMENT_STALE)'), ...commonErrors,
      },
    },
    async (c) => {
      const body = c.req.valid('json')
      if (!findTemplate(body.template)) throw messageErrors.TEMPLATE_NOT_FOUND({ template: body.template })
      if (!liveChannels(s.runtime, await loadMessagingSettings(s, s.db)).some((ch) => ch.name === body.channel)) throw messageErrors.CHANNEL_NOT_FOUND({ channel: body.channel })
      const caller = c.get('caller')
      const id = await s.db.tx(async (tx) => {
        const segment = await getSegment(tx, body.segmentId)
        const total = await countMembers(tx, savedSegmentCondition(s.runtime.fields(), segment))
        const created = await startBulkSend(s, tx, body, { total, createdBy: caller.kind === 'user' ? caller.userId : null })
        await recordAudit(tx, s.now(), { caller, action: 'messaging.bulk-send-started', targetType: 'bulk-send', targetId: created, details: { segmentId: body.segmentId, template: body.template, channel: body.channel, total }, requestId: c.get('requestId') })
        return created
      })
      return c.json(await bulkSendView(s, await bulkSendRow(s.db, id)), 201)
    },
  )
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/bulk-sends', access: policies.admins, tags: ['messaging'], summary: 'The latest bulk sends with their progress, newest first',
      responses: { 200: jsonResponse(z.object({ items: z.array(bulkSendSchema) }), 'Up to 50 sends'), ...commonErrors },
    },
    async (c) => c.json({ items: await Promise.all((await listBulkSendRows(s.db, 50)).map((row) => bulkSendView(s, row))) }, 200),
  )
  const one = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/bulk-sends/{id}', access: policies.admins, tags: ['messaging'], summary: 'One bulk send and its progress',
      request: { params: idParam }, responses: { 200: jsonResponse(bulkSendSchema, 'The send'), 404: jsonResponse(errorBody, 'Unknown send'), ...commonErrors },
    },
    async (c) => c.json(await bulkSendView(s, await bulkSendRow(s.db, c.req.valid('param').id)), 200),
  )
  return [start, list, one]
}
