/**
 * @module
 * The common tail of every ledger write: record the entry, move the member's totals by the
 * entry's deltas (keeping `balance = Σ remaining − debt`), save them.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { insertEntry, type LedgerEntry, type NewEntry } from './entry-store.js'
import type { LedgerDeps } from './ledger-deps.js'
import { saveTotals, type Member } from './member-store.js'

/** What a write changes besides the entry itself. */
export type EntryChange = Omit<NewEntry, 'balanceAfter' | 'customerId'> & { lifetimeDelta: number }

/**
 * @returns the written entry and the member's new totals
 * @example const { entry, member: after } = await writeEntry(tx, ctx, member, { kind: 'spend', ... })
 */
export async function writeEntry(tx: Queryable, deps: LedgerDeps, member: Member, change: EntryChange): Promise<{ entry: LedgerEntry; member: Member }> {
  const at = deps.now().toISOString()
  const { lifetimeDelta, ...rest } = change
  const after: Member = {
    ...member,
    balance: member.balance + change.delta,
    debt: member.debt + change.debtDelta,
    lifetimeEarned: member.lifetimeEarned + lifetimeDelta,
  }
  const entry = await insertEntry(tx, { ...rest, customerId: member.customerId, balanceAfter: after.balance }, at)
  await saveTotals(tx, after, at)
  return { entry, member: after }
}
