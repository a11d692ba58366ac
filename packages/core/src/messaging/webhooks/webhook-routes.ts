/**
 * @module
 * Outgoing webhook endpoints, for owners and admins: `GET`/`POST /api/v1/webhooks`,
 * `DELETE /api/v1/webhooks/{id}` and `POST /api/v1/webhooks/{id}/test` (a signed `webhook.test`
 * now). The secret is shown once, in the answer that creates the endpoint. Each endpoint's
 * deliveries are listed by `GET /api/v1/deliveries?subscriber=core:webhook:<id>` and retried there.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../../audit/audit-log.js'
import { newId } from '../../crypto/tokens.js'
import { messageErrors } from '../../errors/index.js'
import { policies } from '../../http/access.js'
import { defineRoute } from '../../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../../http/responses.js'
import type { CoreServices } from '../../services.js'
import { scrubError } from '../finish-message.js'
import { loadEndpoints, saveEndpoints, type WebhookEndpoint } from './webhook-endpoints.js'
import { newWebhookSecret } from './webhook-signature.js'
import { postWebhook, webhookBody } from './send-webhook.js'

const endpointSchema = z.object({ id: z.string(), url: z.string(), eventTypes: z.array(z.string()), createdAt: z.string(), subscriber: z.string() }).openapi('WebhookEndpoint')
const createRequest = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  eventTypes: z.array(z.string().regex(/^(\*|[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9-]*)+)$/, 'must be an event type or *')).min(1).max(50),
})
const idParam = z.object({ id: z.string().min(1).max(64) })
const shown = (e: WebhookEndpoint) => ({ id: e.id, url: e.url, eventTypes: e.eventTypes, createdAt: e.createdAt, subscriber: `core:webhook:${e.id}` })

/** @example const routes = [...webhookRoutes(s)] */
export function webhookRoutes(s: CoreServices) {
  const find = async (id: string) => {
    const endpoint = (await loadEndpoints(s.db)).find((e) => e.id === id)
    if (!endpoint) throw messageErrors.WEBHOOK_NOT_FOUND({ webhookId: id })
    return endpoint
  }
  const list = defineRoute(
    { method: 'get', path: '/api/v1/webhooks', access: policies.admins, tags: ['webhooks'], summary: 'Outgoing webhook endpoints (secrets not shown)', responses: { 200: jsonResponse(z.object({ items: z.array(endpointSchema) }), 'Every endpoint'), ...commonErrors } },
    async (c) => c.json({ items: (await loadEndpoints(s.db)).map(shown) }, 200),
  )
  const create = defineRoute(
    {
      method: 'post', path: '/api/v1/webhooks', access: policies.admins, tags: ['webhooks'], summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
      request: { body: jsonBody(createRequest) }, responses: { 201: jsonResponse(endpointSchema.extend({ secret: z.string() }), 'The endpoint and its secret'), ...commonErrors },
    },
    async (c) => {
      const { url, eventTypes } = c.req.valid('json')
      const secret = newWebhookSecret()
      const endpoint: WebhookEndpoint = { id: newId('whk'), url, eventTypes, secretEnc: s.pii.encrypt(secret), createdAt: s.now().toISOString() }
      await s.db.tx(async (tx) => {
        await saveEndpoints(s, tx, [...(await loadEndpoints(tx)), endpoint])
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'webhook.created', targetType: 'webhook', targetId: endpoint.id, details: { eventTypes }, requestId: c.get('requestId') })
      })
      return c.json({ ...shown(endpoint), secret }, 201)
    },
  )
  const remove = defineRoute(
    {
      method: 'delete', path: '/api/v1/webhooks/{id}', access: policies.admins, tags: ['webhooks'], summary: 'Remove an endpoint (its queued deliveries end unsent)',
      request: { params: idParam }, responses: { 204: { description: 'Removed' }, 404: jsonResponse(errorBody, 'Unknown endpoint'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      await find(id)
      await s.db.tx(async (tx) => {
        await saveEndpoints(s, tx, (await loadEndpoints(tx)).filter((e) => e.id !== id))
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'webhook.deleted', targetType: 'webhook', targetId: id, requestId: c.get('requestId') })
      })
      return c.body(null, 204)
    },
  )
  const test = defineRoute(
    {
      method: 'post', path: '/api/v1/webhooks/{id}/test', access: policies.admins, tags: ['webhooks'], summary: 'Send a signed webhook.test event to the endpoint now',
      request: { params: idParam },
      responses: { 200: jsonResponse(z.object({ delivered: z.boolean(), error: z.string().nullable() }), 'Whether the endpoint answered 2xx'), 404: jsonResponse(errorBody, 'Unknown endpoint'), ...commonErrors },
    },
    async (c) => {
      const endpoint = await find(c.req.valid('param').id)
      const at = s.now().toISOString()
      const id = newId('whtest')
      try {
        await postWebhook(s, endpoint, id, webhookBody({ id, seq: 0, type: 'webhook.test', customerId: null, payload: {}, occurredAt: at }))
        return c.json({ delivered: true, error: null }, 200)
      } catch (err) {
        return c.json({ delivered: false, error: scrubError(err) }, 200)
      }
    },
  )
  return [list, create, remove, test]
}
