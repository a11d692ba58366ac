/**
 * @module
 * Who a case may be assigned to: an active staff user (by id) or a team (`team:<name>`; teams
 * are names, not stored records). Anything else is refused before the case changes.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'

/** The prefix of a team assignee. */
export const TEAM_PREFIX = 'team:'

/**
 * Throws COMPLAINTS_ASSIGNEE_NOT_FOUND (422) unless `assigneeId` is null (unassign), a team id or
 * an active user's id.
 * @example await checkAssignee(ctx, tx, 'usr_0mbx…')
 */
export async function checkAssignee(deps: Pick<PluginContext, 'users'>, tx: Queryable, assigneeId: string | null): Promise<void> {
  if (assigneeId === null) return
  if (assigneeId.startsWith(TEAM_PREFIX) && assigneeId.length > TEAM_PREFIX.length) return
  const user = await deps.users.find(assigneeId, tx)
  if (!user || user.disabled) throw complaintsErrors.ASSIGNEE_NOT_FOUND({ field: 'assigneeId', assigneeId })
}
