/**
 * @module
 * Mirrors a member's totals into the shared profile, in the ledger write's transaction, through
 * the recorded path (`ctx.updateProfile`), so `explain` names the ledger event behind a value.
 * The values come from what the write has in hand (the member's new totals, the lots it read);
 * the ledger is never re-aggregated for them. `points.expiringSoon` is written only when the
 * caller knows it (a write that read every unexpired lot, or one whose lot may fall in the
 * horizon); lots that come within the horizon as days pass are the daily refresh's job.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { addDays, type LedgerDeps } from './ledger-deps.js'
import { expiringSoon, type Lot } from './lot-store.js'
import type { Member } from './member-store.js'

/**
 * @param reason - the change's source id (`earn`, `spend`, …) and the event behind it
 * @param soon - the new `points.expiringSoon`, or undefined to leave it as it is
 * @example await mirrorProfile(tx, ctx, member, { id: 'spend', eventSeq: event.seq }, soonIn(lots, now, ctx.config.expiringSoonDays))
 */
export async function mirrorProfile(tx: Queryable, deps: Pick<LedgerDeps, 'updateProfile'>, member: Member, reason: { id: string; eventSeq?: number }, soon?: number): Promise<void> {
  await deps.updateProfile(tx, member.customerId, {
    'points.balance': { set: member.balance },
    'points.lifetimeEarned': { set: member.lifetimeEarned },
    ...(soon === undefined ? {} : { 'points.expiringSoon': { set: soon } }),
  }, reason)
}

/**
 * What of `lots` (after the write's consumption) expires within `(at, at + days]`: every lot with
 * points left must be among them (a write that read all unexpired lots).
 * @example soonIn(lots, '2026-06-01T00:00:00.000Z', 30) // 120
 */
export function soonIn(lots: readonly Lot[], at: string, days: number): number {
  const until = addDays(at, days)
  let sum = 0
  for (const lot of lots) if (lot.remaining > 0 && lot.expiresAt > at && lot.expiresAt <= until) sum += lot.remaining
  return sum
}

/** Counts `points.expiringSoon` as of `at` from the lots table (jobs, rebuilds, a credit inside the horizon). @example await countSoon(tx, ctx, id, at) */
export async function countSoon(q: Queryable, deps: Pick<LedgerDeps, 'config'>, customerId: string, at: string): Promise<number> {
  return expiringSoon(q, customerId, at, addDays(at, deps.config.expiringSoonDays))
}
