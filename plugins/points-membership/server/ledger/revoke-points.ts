/**
 * @module
 * Revokes points a refunded order earned: first from that order's own lots, then from the
 * others (available before pending, earliest-expiring first). What the lots cannot cover becomes
 * debt (repaid from the next earns) when `allowDebt`, and is forgiven otherwise.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { findEntry, type LedgerResult } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { expireDue } from './expire-lots.js'
import { consumeLots, lotsToTake, split } from './lot-store.js'
import { lockMember } from './member-store.js'
import { mirrorProfile, soonIn } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/** What a revocation takes; `key` is the ledger key (e.g. `revoke:<refund event id>`). */
export type RevokeInput = { customerId: string; orderId: string; points: number; refundedMinor: number; key: string; occurredAt: string }

/**
 * @returns the entry, or undefined when the customer is not a member
 * @example await revokePoints(tx, ctx, { customerId, orderId: 'o1', points: 40, refundedMinor: 4_000, key: `revoke:${event.id}`, occurredAt })
 */
export async function revokePoints(tx: Queryable, deps: LedgerDeps, input: RevokeInput): Promise<LedgerResult | undefined> {
  let member = await lockMember(tx, deps, input.customerId)
  if (!member) return undefined
  const seen = await findEntry(tx, input.key)
  if (seen) return { entry: seen, repeated: true }
  // As of the refund's own time: lots past their expiry then are expired first; every other lot
  // holding points is read, so expiringSoon comes from them.
  const at = input.occurredAt
  const { due, live: lots } = split(await lotsToTake(tx, input.customerId, at, input.orderId), at)
  if (due.length > 0) member = (await expireDue(tx, deps, member, due, at)).member
  const consumed = await consumeLots(tx, lots, input.points)
  const taken = consumed.reduce((sum, c) => sum + c.points, 0)
  const shortfall = input.points - taken
  const debt = deps.config.allowDebt ? shortfall : 0
  const { entry, member: after } = await writeEntry(tx, member, {
    entryId: newId('ple'), kind: 'revoke', points: input.points, delta: -(taken + debt), debtDelta: debt, lifetimeDelta: -input.points,
    key: input.key, orderId: input.orderId, reason: null, actor: null, occurredAt: input.occurredAt,
    details: { consumed, refundedMinor: input.refundedMinor, debt, forgiven: shortfall - debt },
  }, at)
  const event = await deps.emit('points.revoked', input.customerId, {
    entryId: entry.entryId, orderId: input.orderId, points: input.points, refundedMinor: input.refundedMinor, debt, balance: after.balance,
  }, { key: input.key, occurredAt: at, tx })
  await mirrorProfile(tx, deps, after, { id: 'revoke', eventSeq: event.seq }, soonIn(lots, at, deps.config.expiringSoonDays))
  return { entry, repeated: false }
}
