/**
 * @module
 * Credits points as a new lot: pending until `availableAt`, expiring at `expiresAt`, both counted
 * from `occurredAt` (the order's own time, never the moment it is processed). Debt is repaid first
 * from the new lot, so `balance = Σ remaining − debt` holds.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { creditDetails, findEntry, type LedgerResult, lotIdOf } from './entry-store.js'
import { addDays, type LedgerDeps } from './ledger-deps.js'
import { insertLot } from './lot-store.js'
import { lockMember, type Member } from './member-store.js'
import { countSoon, mirrorProfile } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/**
 * What an earn takes. `key` is the ledger idempotency key (e.g. `earn:<orderId>`); `fresh` says the
 * caller knows no entry has it (the order row it keys on was just inserted), so it is not looked up
 * (the UNIQUE key still guards).
 */
export type EarnInput = {
  customerId: string; points: number; key: string; orderId: string | null; occurredAt: string
  availableAt?: string; eventSeq?: number; details?: Record<string, unknown>; fresh?: boolean
}

/**
 * Earns points into a new lot (pending for the return window unless `availableAt` says otherwise).
 * @param locked - the member, when the caller has already locked its row in this transaction
 * @returns the entry, and the member's new totals when this call wrote it
 * @example await earnPoints(tx, ctx, { customerId, points: 120, key: 'earn:o1', orderId: 'o1', occurredAt })
 */
export async function earnPoints(tx: Queryable, deps: LedgerDeps, input: EarnInput, locked?: Member): Promise<LedgerResult & { member?: Member }> {
  const member = locked ?? (await lockMember(tx, deps, input.customerId))
  if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId: input.customerId })
  if (!input.fresh) {
    const seen = await findEntry(tx, input.key)
    if (seen) return { entry: seen, repeated: true }
  }
  const availableAt = input.availableAt ?? addDays(input.occurredAt, deps.config.returnWindowDays)
  const credit = await creditLot(tx, deps, member, { ...input, kind: 'earn', reason: null, actor: null, availableAt })
  const { entry, member: after, lotId, debtRepaid, expiresAt } = credit
  const event = await deps.emit('points.earned', after.customerId, {
    entryId: entry.entryId, lotId, points: input.points, ...(input.orderId ? { orderId: input.orderId } : {}), debtRepaid,
    availableAt, expiresAt, balance: after.balance,
  }, { key: input.key, occurredAt: input.occurredAt, tx })
  await mirrorProfile(tx, deps, after, { id: 'earn', eventSeq: event.seq }, await soonAfterCredit(tx, deps, credit, input.occurredAt))
  return { entry, repeated: false, member: after }
}

/**
 * `points.expiringSoon` after a credit at `at`: unchanged (undefined) unless the new lot itself
 * expires within the horizon, which only a config with `expiryDays ≤ expiringSoonDays` makes happen.
 * @example await mirrorProfile(tx, ctx, after, reason, await soonAfterCredit(tx, ctx, credit, at))
 */
export async function soonAfterCredit(
  tx: Queryable, deps: Pick<LedgerDeps, 'config'>, credit: { member: Member; expiresAt: string; remaining: number }, at: string,
): Promise<number | undefined> {
  if (credit.remaining === 0 || credit.expiresAt > addDays(at, deps.config.expiringSoonDays)) return undefined
  return countSoon(tx, deps, credit.member.customerId, at)
}

/** A credit of either kind. */
export type CreditInput = Omit<EarnInput, 'customerId' | 'eventSeq' | 'availableAt' | 'fresh'> & {
  kind: 'earn' | 'adjust' | 'restore'; reason: string | null; actor: string | null; availableAt: string
}

/**
 * Writes the entry and its lot for a locked member; the part earns, positive adjustments and
 * restores share. A restore gives back what a spend took, so lifetime earned does not move.
 * The lot's id shares the entry's random part (one id drawn per credit).
 * @example const { entry, member, lotId } = await creditLot(tx, ctx, member, { kind: 'adjust', ... })
 */
export async function creditLot(tx: Queryable, deps: Pick<LedgerDeps, 'config'>, member: Member, input: CreditInput) {
  const debtRepaid = Math.min(member.debt, input.points)
  const entryId = newId('ple')
  const lotId = lotIdOf(entryId)
  const expiresAt = addDays(input.occurredAt, deps.config.expiryDays)
  const remaining = input.points - debtRepaid
  // Stored without what the lot and the entry's columns hold; the returned entry shows it all, as a read does.
  const stored = { ...input.details }
  const written = await writeEntry(tx, member, {
    entryId, kind: input.kind, points: input.points, delta: input.points, debtDelta: -debtRepaid, lifetimeDelta: input.kind === 'restore' ? 0 : input.points,
    key: input.key, orderId: input.orderId, reason: input.reason, actor: input.actor, occurredAt: input.occurredAt, details: stored,
  }, input.occurredAt)
  await insertLot(tx, {
    id: lotId, customerId: member.customerId, entryId, orderId: input.orderId, points: input.points,
    remaining, availableAt: input.availableAt, expiresAt,
  }, input.occurredAt)
  const entry = { ...written.entry, details: creditDetails(stored, entryId, -debtRepaid, { availableAt: input.availableAt, expiresAt }) }
  return { ...written, entry, lotId, debtRepaid, expiresAt, remaining }
}
