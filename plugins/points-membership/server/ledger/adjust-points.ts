/**
 * @module
 * Admin adjustments: signed, with a reason and the acting user recorded on the entry (the audit
 * trail). A credit is a lot available at once; a debit takes from unexpired lots and never
 * overdraws.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { pointsErrors } from '../errors.js'
import { creditLot, soonAfterCredit } from './earn-points.js'
import { findEntry, type LedgerResult } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { expireDue } from './expire-lots.js'
import { consumeLots, lotsToTake, remainingOf, split } from './lot-store.js'
import { lockMember } from './member-store.js'
import { mirrorProfile, soonIn } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/**
 * What an adjustment takes; `points` is signed and never 0; `at` its time (default: now; an event's
 * time in a subscriber). `kind: 'restore'` gives back points a spend took (a voided voucher): a
 * credit like a positive adjustment, except that it does not raise lifetime earned (the spend
 * never lowered it).
 */
export type AdjustInput = { customerId: string; points: number; reason: string; key: string; actor: string | null; at?: string; kind?: 'adjust' | 'restore' }

/**
 * @example await adjustPoints(tx, ctx, { customerId, points: -20, reason: 'duplicate order', key: 'adj-1', actor: 'user:u1' })
 */
export async function adjustPoints(tx: Queryable, deps: LedgerDeps, input: AdjustInput): Promise<LedgerResult> {
  const { customerId, points, reason } = input
  const size = Math.abs(points)
  if (size > deps.config.maxPointsPerRequest) throw pointsErrors.AMOUNT_OVER_LIMIT({ points: size, limit: deps.config.maxPointsPerRequest })
  const kind = input.kind ?? 'adjust'
  let member = await lockMember(tx, deps, customerId)
  if (!member) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
  const key = `adjust:${customerId}:${input.key}`
  const seen = await findEntry(tx, key)
  if (seen) {
    if (seen.kind !== kind || seen.delta !== points || seen.reason !== reason) throw pointsErrors.KEY_REUSED({ key: input.key })
    return { entry: seen, repeated: true }
  }
  const now = input.at ?? deps.now().toISOString()
  const base = { key, orderId: null, reason, actor: input.actor, occurredAt: now }
  // The balance as of now: lots past their expiry are expired first.
  const { due, live: lots } = split(await lotsToTake(tx, customerId, now), now)
  if (due.length > 0) member = (await expireDue(tx, deps, member, due, now)).member
  let written: Awaited<ReturnType<typeof writeEntry>>
  let soon: number | undefined
  if (points > 0) {
    const credit = await creditLot(tx, deps, member, { ...base, kind, points, availableAt: now })
    written = credit
    soon = await soonAfterCredit(tx, deps, credit, now)
  } else {
    const available = remainingOf(lots) - member.debt
    if (available < size) throw pointsErrors.INSUFFICIENT_BALANCE({ available: Math.max(0, available), requested: size })
    const consumed = await consumeLots(tx, lots, size)
    written = await writeEntry(tx, member, {
      ...base, entryId: newId('ple'), kind: 'adjust', points, delta: points, debtDelta: 0, lifetimeDelta: 0, details: { consumed },
    }, now)
    soon = soonIn(lots, now, deps.config.expiringSoonDays)
  }
  const event = await deps.emit('points.adjusted', customerId, { entryId: written.entry.entryId, points, reason, balance: written.member.balance }, { key, occurredAt: now, tx })
  await mirrorProfile(tx, deps, written.member, { id: 'adjust', eventSeq: event.seq }, soon)
  return { entry: written.entry, repeated: false }
}
