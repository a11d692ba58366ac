/**
 * @module
 * Who may own a visit: an active staff user (by id); a team cannot make a call. Anything else is
 * refused before the visit changes.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'

/** Throws COMPLAINTS_FOLLOW_UP_OWNER_NOT_FOUND (422) unless null or an active user's id. @example await checkOwner(ctx, tx, ownerId) */
export async function checkOwner(deps: Pick<PluginContext, 'users'>, tx: Queryable, ownerId: string | null): Promise<void> {
  if (ownerId === null) return
  const user = await deps.users.find(ownerId, tx)
  if (!user || user.disabled) throw complaintsErrors.FOLLOW_UP_OWNER_NOT_FOUND({ ownerId })
}
