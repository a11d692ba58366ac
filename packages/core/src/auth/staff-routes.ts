/**
 * @module
 * `GET /api/v1/staff`: the staff directory, so every signed-in user (agents and analysts too) can
 * see colleagues by name and pick an assignee, where the full user list (emails, dates) stays
 * with owners and admins. Only id, name, role and whether the account is active.
 */
import { z } from '@hono/zod-openapi'
import type { Queryable } from '@rapport/db'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { roleSchema } from './schemas.js'

/** One colleague as pickers and name displays see them. */
export const staffMemberSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema, active: z.boolean().openapi({ description: 'false for a disabled account: shown by name, never offered as assignee' }) })
  .openapi('StaffMember', { example: { id: 'usr_0mbx2k9q7c1d2e3f4a5b6c7d8', name: '李娜', role: 'agent', active: true } })

/** The response body. */
export const staffDirectorySchema = z.object({ items: z.array(staffMemberSchema) }).openapi('StaffDirectory')

type StaffRow = { id: string; name: string; role: z.infer<typeof roleSchema>; disabled_at: string | null }

/** Every user, active ones first, then by name. @example await staffDirectory(db) */
export async function staffDirectory(db: Queryable): Promise<z.infer<typeof staffMemberSchema>[]> {
  const rows = await db.all<StaffRow>('SELECT id, name, role, disabled_at FROM core_users ORDER BY CASE WHEN disabled_at IS NULL THEN 0 ELSE 1 END, name, id')
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, active: r.disabled_at === null }))
}

/** The staff directory route. @example app.route(staffRoutes(services)) */
export function staffRoutes(s: CoreServices) {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/staff', access: policies.signedIn, tags: ['users'], operationId: 'listStaff',
      summary: 'Staff names, for pickers and for showing who acted',
      responses: { 200: jsonResponse(staffDirectorySchema, 'Every staff user by name'), ...commonErrors },
    },
    async (c) => c.json({ items: await staffDirectory(s.db) }, 200),
  )
  return [list]
}
