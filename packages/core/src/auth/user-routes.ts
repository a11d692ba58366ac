/**
 * @module
 * Managing admin users. Owners and admins manage users; only an owner may grant or touch the owner role.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { authErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import type { Caller } from '../http/app-env.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { createUserRequest, updateUserRequest, userSchema } from './schemas.js'
import { createUser, getUser, listUsers, updateUser } from './user-store.js'

function assertMayTouchOwner(caller: Caller, touchesOwner: boolean) {
  if (touchesOwner && !(caller.kind === 'user' && caller.role === 'owner')) throw authErrors.FORBIDDEN({ needs: 'role owner' })
}

/** User management routes. */
export function userRoutes(s: CoreServices) {
  const list = defineRoute(
    { method: 'get', path: '/api/v1/users', access: policies.admins, tags: ['users'], summary: 'List admin users', responses: { 200: jsonResponse(z.object({ items: z.array(userSchema) }), 'Users'), ...commonErrors } },
    async (c) => c.json({ items: await listUsers(s.db) }, 200),
  )

  const create = defineRoute(
    {
      method: 'post', path: '/api/v1/users', access: policies.admins, tags: ['users'], summary: 'Create an admin user',
      request: { body: jsonBody(createUserRequest) },
      responses: { 201: jsonResponse(userSchema, 'Created'), 409: jsonResponse(errorBody, 'Email taken'), ...commonErrors },
    },
    async (c) => {
      const input = c.req.valid('json')
      const caller = c.get('caller')
      assertMayTouchOwner(caller, input.role === 'owner')
      const user = await s.db.tx(async (tx) => {
        const created = await createUser(tx, input, s.now())
        await recordAudit(tx, s.now(), { caller, action: 'user.created', targetType: 'user', targetId: created.id, details: { role: created.role }, requestId: c.get('requestId') })
        return created
      })
      return c.json(user, 201)
    },
  )

  const update = defineRoute(
    {
      method: 'patch', path: '/api/v1/users/{id}', access: policies.admins, tags: ['users'], summary: 'Change a user (name, role, disabled, password)',
      request: { params: z.object({ id: z.string().max(100) }), body: jsonBody(updateUserRequest) },
      responses: { 200: jsonResponse(userSchema, 'Updated'), 404: jsonResponse(errorBody, 'Unknown user'), 409: jsonResponse(errorBody, 'Would leave no owner'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const caller = c.get('caller')
      const user = await s.db.tx(async (tx) => {
        const current = await getUser(tx, id)
        assertMayTouchOwner(caller, current.role === 'owner' || patch.role === 'owner')
        const updated = await updateUser(tx, id, patch, s.now())
        await recordAudit(tx, s.now(), { caller, action: 'user.updated', targetType: 'user', targetId: id, details: { fields: Object.keys(patch) }, requestId: c.get('requestId') })
        return updated
      })
      return c.json(user, 200)
    },
  )

  return [list, create, update]
}
