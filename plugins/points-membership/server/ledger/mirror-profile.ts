/**
 * @module
 * Mirrors a member's totals into the shared profile, in the ledger write's transaction, through
 * the recorded path (`ctx.updateProfile`), so `explain` names the ledger event behind a value.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { addDays, type LedgerDeps } from './ledger-deps.js'
import { expiringSoon } from './lot-store.js'
import type { Member } from './member-store.js'

/**
 * @param reason - the change's source id (`earn`, `spend`, …) and the event behind it
 * @example await mirrorProfile(tx, ctx, member, { id: 'spend', eventSeq: event.seq })
 */
export async function mirrorProfile(tx: Queryable, deps: LedgerDeps, member: Member, reason: { id: string; eventSeq?: number }): Promise<void> {
  const now = deps.now().toISOString()
  const soon = await expiringSoon(tx, member.customerId, now, addDays(now, deps.config.expiringSoonDays))
  await deps.updateProfile(tx, member.customerId, {
    'points.balance': { set: member.balance },
    'points.lifetimeEarned': { set: member.lifetimeEarned },
    'points.expiringSoon': { set: soon },
  }, reason)
}
