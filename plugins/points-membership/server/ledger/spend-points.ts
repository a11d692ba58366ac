/**
 * @module
 * Spends points from the earliest-expiring available lots. Never overdraws: the member row is
 * locked and the available balance (`Σ spendable remaining − debt`) checked before any write.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { findEntry, type LedgerResult } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { expireDue } from './expire-lots.js'
import { lotsHoldingPoints, planConsumption, remainingOf, spendable, takeFromLots } from './lot-store.js'
import { lockMember } from './member-store.js'
import { mirrorProfile, soonIn } from './mirror-profile.js'
import { writeEntryUnlessKeyTaken } from './write-entry.js'

/** What a spend takes; `key` is the caller's idempotency key (scoped to the member here); `at` its time (default: now). */
export type SpendInput = { customerId: string; points: number; key: string; reference?: string; actor: string | null; at?: string }

/** The ledger key of a spend. @example spendKey('c1', 'k1') // 'spend:c1:k1' */
export const spendKey = (customerId: string, key: string): string => `spend:${customerId}:${key}`

/**
 * A repeat of a key returns the first result; a different request under the same key is a 409.
 * The key is not looked up first: the entry is written before anything else, and its UNIQUE key
 * refuses a repeat (nothing is written then); only a spend that would be refused reads it, since
 * a repeat returns its first result even when the balance no longer covers it.
 * @example const { entry } = await spendPoints(tx, ctx, { customerId, points: 50, key: 'pos-1-77', actor: 'user:u1' })
 */
export async function spendPoints(tx: Queryable, deps: LedgerDeps, input: SpendInput): Promise<LedgerResult> {
  const { customerId, points } = input
  if (points > deps.config.maxPointsPerRequest) throw pointsErrors.AMOUNT_OVER_LIMIT({ points, limit: deps.config.maxPointsPerRequest })
  let member = await lockMember(tx, deps, customerId)
  if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
  const key = spendKey(customerId, input.key)
  const repeat = async (): Promise<LedgerResult | undefined> => {
    const seen = await findEntry(tx, key)
    if (!seen) return undefined
    if (seen.kind !== 'spend' || seen.points !== points || (seen.details.reference ?? undefined) !== input.reference) throw pointsErrors.KEY_REUSED({ key: input.key })
    return { entry: seen, repeated: true }
  }
  if (member.status !== 'active') {
    const seen = await repeat()
    if (seen) return seen
    throw pointsErrors.MEMBER_NOT_ACTIVE({ customerId, status: member.status })
  }
  const now = input.at ?? deps.now().toISOString()
  // Every lot holding points in one read: lots past their expiry are expired first (the balance as
  // of now), the available ones pay, and the rest give expiringSoon after.
  const held = await lotsHoldingPoints(tx, customerId)
  const lots = held.filter((lot) => lot.expiresAt > now)
  if (lots.length < held.length) member = (await expireDue(tx, deps, member, held, now)).member
  const usable = spendable(lots, now)
  const available = remainingOf(usable) - member.debt
  if (available < points) {
    const seen = await repeat()
    if (seen) return seen
    throw pointsErrors.INSUFFICIENT_BALANCE({ available: Math.max(0, available), requested: points })
  }
  const consumed = planConsumption(usable, points)
  const written = await writeEntryUnlessKeyTaken(tx, member, {
    entryId: newId('ple'), kind: 'spend', points, delta: -points, debtDelta: 0, lifetimeDelta: 0, key, orderId: null,
    reason: null, actor: input.actor, occurredAt: now, details: { consumed, ...(input.reference ? { reference: input.reference } : {}) },
  }, now)
  if (!written) return (await repeat())!
  await takeFromLots(tx, usable, consumed)
  const { entry, member: after } = written
  const event = await deps.emit('points.spent', customerId, {
    entryId: entry.entryId, points, ...(input.reference ? { reference: input.reference } : {}), balance: after.balance,
  }, { key, occurredAt: now, tx })
  await mirrorProfile(tx, deps, after, { id: 'spend', eventSeq: event.seq }, soonIn(lots, now, deps.config.expiringSoonDays))
  return { entry, repeated: false }
}
