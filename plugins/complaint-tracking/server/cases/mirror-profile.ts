/**
 * @module
 * Mirrors a customer's complaint counts into the profile, in the case write's transaction.
 */
import type { ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import type { CaseDeps } from './case-deps.js'
import { customerCounts } from './case-store.js'

/** The mirrored fields from the customer's cases. @example await profileChanges(tx, id) */
export async function profileChanges(q: Queryable, customerId: string): Promise<ProfileChanges> {
  const { open, total, lastAt, lastCsat } = await customerCounts(q, customerId)
  return {
    'complaints.open': { set: open },
    'complaints.total': { set: total },
    'complaints.lastAt': lastAt === null ? { unset: true } : { set: lastAt },
    'complaints.lastCsat': lastCsat === null ? { unset: true } : { set: lastCsat },
  }
}

/** @example await mirrorProfile(tx, ctx, customerId, { id: 'resolve', eventSeq: event.seq }) */
export async function mirrorProfile(tx: Queryable, deps: Pick<CaseDeps, 'updateProfile'>, customerId: string, reason: { id: string; eventSeq?: number }): Promise<void> {
  await deps.updateProfile(tx, customerId, await profileChanges(tx, customerId), reason)
}
