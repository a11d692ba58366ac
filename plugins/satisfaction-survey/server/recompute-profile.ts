/**
 * @module
 * For a profile rebuild: the mirrored `satisfaction.*` fields, recomputed from the stored responses.
 */
import type { ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import { profileChanges } from './responses/mirror-profile.js'
import { customerAggregates } from './responses/response-store.js'

/** @example definePlugin({ ..., recomputeProfile }) */
export async function recomputeProfile(customerId: string, tx: Queryable): Promise<ProfileChanges> {
  return (await customerAggregates(tx, customerId)).responses === 0 ? {} : profileChanges(tx, customerId)
}
