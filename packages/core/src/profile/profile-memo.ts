/**
 * @module
 * Profiles remembered for the rest of a transaction (@rapport/db's transaction memo). An order
 * reaches one customer's profile through every plugin: the rules read it, then each plugin's
 * subscriber reads it again and writes to it, and a group commit may hold the same customer
 * twice. Reads after the first come from here. Every profile write in core passes its changes
 * here, so what is remembered is what the rows hold; a read that overlapped a write (two flows
 * of one transaction interleaving) is not remembered. SQLite only: its writer transaction is the
 * only one, so nothing else changes a profile meanwhile. On PostgreSQL (READ COMMITTED) another
 * transaction's commit shows in the next statement, and a read made before `lockProfile` waited
 * for that commit must not be reused after it.
 */
import { transactionMemo, type Queryable } from '@rapport/db'
import type { ProfileValue } from '../plugins/contract.js'

const KEY = 'core.profile'
/** Customers remembered per transaction: a long import transaction must not keep every profile. */
const MAX_CUSTOMERS = 256

type Profiles = { values: Map<string, Map<string, ProfileValue>>; writes: number }

const memoOf = (q: Queryable): Profiles | undefined => {
  const memo = q.dialect === 'sqlite' ? transactionMemo(q) : undefined
  if (!memo) return undefined
  let profiles = memo.get(KEY) as Profiles | undefined
  if (!profiles) memo.set(KEY, (profiles = { values: new Map(), writes: 0 }))
  return profiles
}

/**
 * One customer's values: remembered in this transaction, or read by `load` (and remembered).
 * The caller gets its own copy to change.
 * @param q - the transaction (or the database) the values are read through
 * @example const values = await recallProfile(tx, customerId, () => readRows(tx, customerId))
 */
export async function recallProfile(q: Queryable, customerId: string, load: () => Promise<Map<string, ProfileValue>>): Promise<Map<string, ProfileValue>> {
  const profiles = memoOf(q)
  const known = profiles?.values.get(customerId)
  if (known) return new Map(known)
  const writes = profiles?.writes
  const values = await load()
  if (profiles && profiles.writes === writes) {
    if (profiles.values.size >= MAX_CUSTOMERS) profiles.values.clear()
    profiles.values.set(customerId, new Map(values))
  }
  return values
}

/**
 * Runs `write` (the statements that set `set` and remove `removed` on one customer's profile)
 * and keeps the remembered profile equal to the rows: changed after a write that succeeded,
 * forgotten after one that failed.
 * @example await writeThrough(tx, customerId, [['points.balance', 120]], [], () => upsert())
 */
export async function writeThrough(q: Queryable, customerId: string, set: ReadonlyArray<readonly [string, ProfileValue]>, removed: readonly string[], write: () => Promise<void>): Promise<void> {
  const profiles = memoOf(q)
  if (!profiles) return write()
  profiles.writes++
  try {
    await write()
  } catch (err) {
    profiles.values.delete(customerId)
    throw err
  } finally {
    profiles.writes++
  }
  const known = profiles.values.get(customerId)
  if (!known) return
  for (const [field, value] of set) known.set(field, value)
  for (const field of removed) known.delete(field)
}

/**
 * Forgets every remembered profile of the transaction: a statement changed many customers' values.
 * @example await tx.run(DELETE_VALUES, params); forgetProfiles(tx)
 */
export function forgetProfiles(q: Queryable): void {
  const profiles = memoOf(q)
  if (!profiles) return
  profiles.writes++
  profiles.values.clear()
}
