/**
 * @module
 * Enrolment as routes and subscribers do it: the member row (see `enrolMember`), then the signup
 * bonus when configured, keyed `signup:<customerId>` so it is credited once ever.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { earnPoints } from './earn-points.js'
import type { LedgerDeps } from './ledger-deps.js'
import { enrolMember, lockMember, type Member } from './member-store.js'

/** @example const { member, created } = await enrol(tx, ctx, customerId, { birthday: '06-15' }) */
export async function enrol(
  tx: Queryable, deps: LedgerDeps, customerId: string, options: { eventSeq?: number; birthday?: string | null } = {},
): Promise<{ member: Member; created: boolean }> {
  const enrolled = await enrolMember(tx, deps, customerId, options.eventSeq)
  if (!enrolled.created) return enrolled
  if (options.birthday) await tx.run('UPDATE points_members SET birthday = ? WHERE customer_id = ?', [options.birthday, customerId])
  const bonus = deps.config.signupBonus
  if (bonus > 0) {
    const at = deps.now().toISOString()
    await earnPoints(tx, deps, { customerId, points: bonus, key: `signup:${customerId}`, orderId: null, occurredAt: at, availableAt: at, details: { bonusFor: 'signup' } })
  }
  return { member: (await lockMember(tx, deps, customerId))!, created: true }
}
