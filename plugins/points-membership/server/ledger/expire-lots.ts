/**
 * @module
 * Expires what is left in a member's lots past their expiry, as one ledger entry.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import { findEntry, type LedgerResult } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { consumeLots, expiredLots, remainingOf } from './lot-store.js'
import { lockMember } from './member-store.js'
import { mirrorProfile } from './mirror-profile.js'
import { writeEntry } from './write-entry.js'

/**
 * @returns the entry, or undefined when nothing expired
 * @example await ctx.db.tx((tx) => expireLots(tx, ctx, customerId))
 */
export async function expireLots(tx: Queryable, deps: LedgerDeps, customerId: string): Promise<LedgerResult | undefined> {
  const member = await lockMember(tx, deps, customerId)
  if (!member) return undefined
  const now = deps.now().toISOString()
  const key = `expire:${customerId}:${now}`
  const seen = await findEntry(tx, key)
  if (seen) return { entry: seen, repeated: true }
  const lots = await expiredLots(tx, customerId, now)
  const points = remainingOf(lots)
  if (points === 0) return undefined
  const consumed = await consumeLots(tx, lots, points)
  const { entry, member: after } = await writeEntry(tx, deps, member, {
    entryId: newId('ple'), kind: 'expire', points, delta: -points, debtDelta: 0, lifetimeDelta: 0, key, orderId: null,
    reason: null, actor: null, occurredAt: now, details: { consumed },
  })
  const event = await deps.emit('points.expired', customerId, { entryId: entry.entryId, points, lotIds: consumed.map((c) => c.lotId), balance: after.balance }, { key })
  await mirrorProfile(tx, deps, after, { id: 'expire', eventSeq: event.seq })
  return { entry, repeated: false }
}
