/**
 * @module
 * Managing API keys: create (the key is in the response once), list, revoke.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { createApiKey, listApiKeys, revokeApiKey } from './api-key-store.js'
import { apiKeySchema, createApiKeyRequest, scopeSchema } from './schemas.js'
import { API_SCOPES } from '../http/app-env.js'

/** API key routes. */
export function apiKeyRoutes(s: CoreServices) {
  const list = defineRoute(
    { method: 'get', path: '/api/v1/api-keys', access: policies.admins, tags: ['api-keys'], summary: 'List API keys (never their secrets)', responses: { 200: jsonResponse(z.object({ items: z.array(apiKeySchema) }), 'Keys'), ...commonErrors } },
    async (c) => c.json({ items: await listApiKeys(s.db) }, 200),
  )

  const create = defineRoute(
    {
      method: 'post', path: '/api/v1/api-keys', access: policies.admins, tags: ['api-keys'], summary: 'Create an API key; the key is shown only in this response',
      request: { body: jsonBody(createApiKeyRequest) },
      responses: { 201: jsonResponse(z.object({ apiKey: apiKeySchema, key: z.string() }), 'Created'), ...commonErrors },
    },
    async (c) => {
      const input = c.req.valid('json')
      const caller = c.get('caller')
      const created = await s.db.tx(async (tx) => {
        const result = await createApiKey(tx, { ...input, ...(caller.kind === 'user' ? { createdBy: caller.userId } : {}) }, s.now())
        await recordAudit(tx, s.now(), { caller, action: 'api-key.created', targetType: 'api-key', targetId: result.apiKey.id, details: { scopes: input.scopes }, requestId: c.get('requestId') })
        return result
      })
      return c.json(created, 201)
    },
  )

  const revoke = defineRoute(
    {
      method: 'delete', path: '/api/v1/api-keys/{id}', access: policies.admins, tags: ['api-keys'], summary: 'Revoke an API key',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 200: jsonResponse(apiKeySchema, 'Revoked'), 404: jsonResponse(errorBody, 'Unknown key'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const key = await s.db.tx(async (tx) => {
        const revoked = await revokeApiKey(tx, id, s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'api-key.revoked', targetType: 'api-key', targetId: id, requestId: c.get('requestId') })
        return revoked
      })
      return c.json(key, 200)
    },
  )

  const scopes = defineRoute(
    { method: 'get', path: '/api/v1/api-keys/scopes', access: policies.admins, tags: ['api-keys'], summary: 'The scopes a key may be given', responses: { 200: jsonResponse(z.object({ items: z.array(scopeSchema) }), 'Scopes'), ...commonErrors } },
    async (c) => c.json({ items: [...API_SCOPES] }, 200),
  )

  return [list, scopes, create, revoke]
}
