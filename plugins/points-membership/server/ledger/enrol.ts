/**
 * @module
 * Enrolment as routes and subscribers do it: the member row (see `enrolMember`), then the signup
 * bonus when configured, keyed `signup:<customerId>` so it is credited once ever. Both happen at
 * `at`, the time of what enrolled the customer (their first order, or the request).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { earnPoints } from './earn-points.js'
import type { LedgerDeps } from './ledger-deps.js'
import { enrolMember, type Member } from './member-store.js'

/** @example const { member, created } = await enrol(tx, ctx, customerId, { at: event.occurredAt, eventSeq: event.seq }) */
export async function enrol(
  tx: Queryable, deps: LedgerDeps, customerId: string, options: { at: string; eventSeq?: number; birthday?: string | null },
): Promise<{ member: Member; created: boolean }> {
  const { at } = options
  const enrolled = await enrolMember(tx, deps, customerId, { at, eventSeq: options.eventSeq })
  if (!enrolled.created) return enrolled
  let member = enrolled.member
  if (options.birthday) {
    await tx.run('UPDATE points_members SET birthday = ? WHERE customer_id = ?', [options.birthday, customerId])
    member = { ...member, birthday: options.birthday }
  }
  const bonus = deps.config.signupBonus
  if (bonus > 0) {
    const credited = await earnPoints(tx, deps, {
      customerId, points: bonus, key: `signup:${customerId}`, orderId: null, occurredAt: at, availableAt: at, details: { bonusFor: 'signup' },
      ...(options.eventSeq === undefined ? {} : { eventSeq: options.eventSeq }),
    }, member)
    member = credited.member ?? member
  }
  return { member, created: true }
}
