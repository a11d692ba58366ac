/**
 * @module
 * Expires what is left in a member's lots past their expiry, as of `asOf`: one ledger entry and
 * one `points.expired` per expiry time, dated at the lots' own `expiresAt`, so history shows
 * points expiring when they did, whoever got there first: the expiry job, or a write of the same
 * account (a spend, a refund, an adjustment) that finds lots past their expiry, so its balance is
 * the balance as of its own time. Keyed by customer, expiry time and first lot, so whichever runs
 * second finds nothing left to expire.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import type { LedgerEntry } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { expiredLots, expireLotRows, type Lot, remainingOf } from './lot-store.js'
import { lockMember, type Member } from './member-store.js'
import { countSoon, mirrorProfile } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/**
 * The expiry job's part for one customer: locks, expires, mirrors the profile.
 * @returns the entries written, oldest expiry first (none when nothing expired)
 * @example await ctx.db.tx((tx) => expireLots(tx, ctx, customerId, ctx.now().toISOString()))
 */
export async function expireLots(tx: Queryable, deps: LedgerDeps, customerId: string, asOf: string): Promise<LedgerEntry[]> {
  const member = await lockMember(tx, deps, customerId)
  if (!member) return []
  const done = await expireDue(tx, deps, member, await expiredLots(tx, customerId, asOf), asOf)
  if (done.eventSeq === undefined) return done.entries
  // Expired lots leave the horizon: the field is counted again as of the run.
  await mirrorProfile(tx, deps, done.member, { id: 'expire', eventSeq: done.eventSeq }, await countSoon(tx, deps, customerId, asOf))
  return done.entries
}

/**
 * Expires `lots` of a locked member that are past their expiry at `asOf` (others are ignored);
 * the caller mirrors the profile. The lots' `remaining` drop to 0 in place.
 * @returns the member's new totals, the entries, and the last event's sequence (undefined when none)
 * @example ({ member } = await expireDue(tx, ctx, member, lots, now))
 */
export async function expireDue(
  tx: Queryable, deps: LedgerDeps, member: Member, lots: readonly Lot[], asOf: string,
): Promise<{ member: Member; entries: LedgerEntry[]; eventSeq: number | undefined }> {
  const byExpiry = new Map<string, Lot[]>()
  for (const lot of lots) if (lot.remaining > 0 && lot.expiresAt <= asOf) byExpiry.set(lot.expiresAt, [...(byExpiry.get(lot.expiresAt) ?? []), lot])
  const entries: LedgerEntry[] = []
  let eventSeq: number | undefined
  let after = member
  for (const [expiresAt, due] of byExpiry) {
    due.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) // the job's order (by expiry, then id), so the key is the same
    const points = remainingOf(due)
    const key = `expire:${member.customerId}:${expiresAt}:${due[0]!.id}`
    const consumed = due.map((lot) => ({ lotId: lot.id, points: lot.remaining }))
    await expireLotRows(tx, due)
    const written = await writeEntry(tx, after, {
      entryId: newId('ple'), kind: 'expire', points, delta: -points, debtDelta: 0, lifetimeDelta: 0, key, orderId: null,
      reason: null, actor: null, occurredAt: expiresAt, details: { consumed },
    }, asOf)
    after = written.member
    entries.push(written.entry)
    const event = await deps.emit('points.expired', member.customerId, {
      entryId: written.entry.entryId, points, lotIds: consumed.map((c) => c.lotId), balance: after.balance,
    }, { key, occurredAt: expiresAt, tx })
    eventSeq = event.seq
  }
  return { member: after, entries, eventSeq }
}
