/**
 * @module
 * Expires what is left in a member's lots past their expiry, as of `asOf` (the expiry job's as-of
 * time): one ledger entry and one `points.expired` per expiry time, dated at the lots' own
 * `expiresAt`, so history shows points expiring when they did, whenever the job ran. Keyed by
 * customer, expiry time and first lot: a second run finds nothing left to expire.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import type { LedgerEntry } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { consumeLots, expiredLots, type Lot, remainingOf } from './lot-store.js'
import { lockMember } from './member-store.js'
import { countSoon, mirrorProfile } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/**
 * @returns the entries written, oldest expiry first (none when nothing expired)
 * @example await ctx.db.tx((tx) => expireLots(tx, ctx, customerId, ctx.now().toISOString()))
 */
export async function expireLots(tx: Queryable, deps: LedgerDeps, customerId: string, asOf: string): Promise<LedgerEntry[]> {
  let member = await lockMember(tx, deps, customerId)
  if (!member) return []
  const byExpiry = new Map<string, Lot[]>()
  for (const lot of await expiredLots(tx, customerId, asOf)) byExpiry.set(lot.expiresAt, [...(byExpiry.get(lot.expiresAt) ?? []), lot])
  const entries: LedgerEntry[] = []
  let eventSeq: number | undefined
  for (const [expiresAt, lots] of byExpiry) {
    const points = remainingOf(lots)
    const key = `expire:${customerId}:${expiresAt}:${lots[0]!.id}`
    const consumed = await consumeLots(tx, lots, points)
    const written = await writeEntry(tx, member, {
      entryId: newId('ple'), kind: 'expire', points, delta: -points, debtDelta: 0, lifetimeDelta: 0, key, orderId: null,
      reason: null, actor: null, occurredAt: expiresAt, details: { consumed },
    }, asOf)
    member = written.member
    entries.push(written.entry)
    const event = await deps.emit('points.expired', customerId, {
      entryId: written.entry.entryId, points, lotIds: consumed.map((c) => c.lotId), balance: member.balance,
    }, { key, occurredAt: expiresAt, tx })
    eventSeq = event.seq
  }
  if (eventSeq === undefined) return entries
  // Expired lots leave the horizon: the field is counted again as of the run.
  await mirrorProfile(tx, deps, member, { id: 'expire', eventSeq }, await countSoon(tx, deps, customerId, asOf))
  return entries
}
