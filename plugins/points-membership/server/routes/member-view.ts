/**
 * @module
 * A member as `GET /members/{customerId}` shows it: totals, each lot's state, recent entries, all
 * as of `now`: a lot past its expiry shows `expired` and leaves the balance even before the
 * expiry job has run (the stored totals change when it runs, or at the account's next write).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { z } from '@rapport/plugin-sdk'
import type { memberSchema } from '../../shared/schemas.js'
import { recentEntries } from '../ledger/entry-store.js'
import { allLots, type Lot } from '../ledger/lot-store.js'
import type { Member } from '../ledger/member-store.js'

/** The response body. */
export type MemberView = z.infer<typeof memberSchema>

// A lot the expiry emptied shows `expired`; one that spends and refunds emptied shows `used`.
const stateOf = (lot: Lot, now: string) =>
  lot.remaining === 0 ? (lot.expired > 0 ? 'expired' as const : 'used' as const)
    : lot.expiresAt <= now ? 'expired' as const : lot.availableAt > now ? 'pending' as const : 'available' as const

/** @example return c.json(await memberView(ctx.db, member, ctx.now().toISOString()), 200) */
export async function memberView(q: Queryable, member: Member, now: string, entryLimit = 20): Promise<MemberView> {
  const lots = (await allLots(q, member.customerId)).map((lot) => ({ ...lot, state: stateOf(lot, now) }))
  const sum = (state: string) => lots.filter((l) => l.state === state).reduce((n, l) => n + l.remaining, 0)
  const unexpired = lots.filter((l) => l.state === 'expired').reduce((n, l) => n + l.remaining, 0)
  return {
    ...member,
    balance: member.balance - unexpired,
    available: Math.max(0, sum('available') - member.debt),
    pending: sum('pending'),
    lots,
    entries: await recentEntries(q, member.customerId, entryLimit),
  }
}
