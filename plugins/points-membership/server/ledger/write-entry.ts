/**
 * @module
 * The common tail of every ledger write: record the entry, move the member's totals by the
 * entry's deltas (keeping `balance = Σ remaining − debt`), save them. `at` is the write's business
 * time (the event's time in a subscriber, the as-of time in a job, the request's time in a route),
 * never the moment it is processed, so a replay writes the same rows.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { insertEntry, type LedgerEntry, type NewEntry } from './entry-store.js'
import { saveTotals, type Member } from './member-store.js'

/** What a write changes besides the entry itself. */
export type EntryChange = Omit<NewEntry, 'balanceAfter' | 'customerId'> & { lifetimeDelta: number }

/**
 * @returns the written entry and the member's new totals
 * @example const { entry, member: after } = await writeEntry(tx, member, { kind: 'spend', ... }, at)
 */
export async function writeEntry(tx: Queryable, member: Member, change: EntryChange, at: string): Promise<{ entry: LedgerEntry; member: Member }> {
  return (await writeEntryUnlessKeyTaken(tx, member, change, at, false))!
}

/**
 * `writeEntry` that writes nothing when an entry already has the key (see `insertEntry`).
 * @returns undefined for a key already taken
 * @example const written = await writeEntryUnlessKeyTaken(tx, member, change, at); if (!written) return repeatOf(key)
 */
export async function writeEntryUnlessKeyTaken(tx: Queryable, member: Member, change: EntryChange, at: string, unlessKeyTaken = true): Promise<{ entry: LedgerEntry; member: Member } | undefined> {
  const { lifetimeDelta, ...rest } = change
  const after: Member = {
    ...member,
    balance: member.balance + change.delta,
    debt: member.debt + change.debtDelta,
    lifetimeEarned: member.lifetimeEarned + lifetimeDelta,
  }
  const entry = await insertEntry(tx, { ...rest, customerId: member.customerId, balanceAfter: after.balance }, at, { unlessKeyTaken })
  if (!entry) return undefined
  await saveTotals(tx, after, at)
  return { entry, member: after }
}
