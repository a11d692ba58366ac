/**
 * @module
 * Credits points as a new lot: pending until `availableAt`, expiring at `expiresAt`. Debt is
 * repaid first from the new lot, so `balance = Σ remaining − debt` holds.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { findEntry, type LedgerResult } from './entry-store.js'
import { addDays, type LedgerDeps } from './ledger-deps.js'
import { insertLot } from './lot-store.js'
import { lockMember, type Member } from './member-store.js'
import { mirrorProfile } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/** What an earn takes. `key` is the ledger idempotency key (e.g. `earn:<orderId>`). */
export type EarnInput = {
  customerId: string; points: number; key: string; orderId: string | null; occurredAt: string
  availableAt?: string; eventSeq?: number; details?: Record<string, unknown>
}

/**
 * Earns points from an order into a new lot (pending for the return window).
 * @param locked - the member, when the caller has already locked its row in this transaction
 * @example await earnPoints(tx, ctx, { customerId, points: 120, key: 'earn:o1', orderId: 'o1', occurredAt })
 */
export async function earnPoints(tx: Queryable, deps: LedgerDeps, input: EarnInput, locked?: Member): Promise<LedgerResult> {
  const member = locked ?? (await lockMember(tx, deps, input.customerId))
  if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId: input.customerId })
  const seen = await findEntry(tx, input.key)
  if (seen) return { entry: seen, repeated: true }
  const availableAt = input.availableAt ?? addDays(input.occurredAt, deps.config.returnWindowDays)
  const { entry, member: after, lotId, debtRepaid } = await creditLot(tx, deps, member, { ...input, kind: 'earn', reason: null, actor: null, availableAt })
  const event = await deps.emit('points.earned', after.customerId, {
    entryId: entry.entryId, lotId, points: input.points, ...(input.orderId ? { orderId: input.orderId } : {}), debtRepaid,
    availableAt, expiresAt: addDays(input.occurredAt, deps.config.expiryDays), balance: after.balance,
  }, { key: input.key })
  await mirrorProfile(tx, deps, after, { id: 'earn', eventSeq: event.seq })
  return { entry, repeated: false }
}

/** A credit of either kind. */
export type CreditInput = Omit<EarnInput, 'customerId' | 'eventSeq' | 'availableAt'> & {
  kind: 'earn' | 'adjust'; reason: string | null; actor: string | null; availableAt: string
}

/**
 * Writes the entry and its lot for a locked member; the part earns and positive adjustments share.
 * @example const { entry, member, lotId } = await creditLot(tx, ctx, member, { kind: 'adjust', ... })
 */
export async function creditLot(tx: Queryable, deps: LedgerDeps, member: Member, input: CreditInput) {
  const debtRepaid = Math.min(member.debt, input.points)
  const entryId = newId('ple')
  const lotId = newId('plot')
  const expiresAt = addDays(input.occurredAt, deps.config.expiryDays)
  const written = await writeEntry(tx, deps, member, {
    entryId, kind: input.kind, points: input.points, delta: input.points, debtDelta: -debtRepaid, lifetimeDelta: input.points,
    key: input.key, orderId: input.orderId, reason: input.reason, actor: input.actor, occurredAt: input.occurredAt,
    details: { ...input.details, lotId, debtRepaid, availableAt: input.availableAt, expiresAt },
  })
  await insertLot(tx, {
    id: lotId, customerId: member.customerId, entryId, orderId: input.orderId, points: input.points,
    remaining: input.points - debtRepaid, availableAt: input.availableAt, expiresAt,
  }, deps.now().toISOString())
  return { ...written, lotId, debtRepaid }
}
