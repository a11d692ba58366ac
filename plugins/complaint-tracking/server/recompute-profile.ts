/**
 * @module
 * For a profile rebuild: the mirrored fields, recomputed from the cases.
 */
import type { ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import { customerCounts } from './cases/case-store.js'
import { profileChanges } from './cases/mirror-profile.js'

/** @example definePlugin({ ..., recomputeProfile }) */
export async function recomputeProfile(customerId: string, tx: Queryable): Promise<ProfileChanges> {
  return (await customerCounts(tx, customerId)).total === 0 ? {} : profileChanges(tx, customerId)
}
