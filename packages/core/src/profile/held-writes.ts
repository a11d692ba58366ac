/**
 * @module
 * Profile writes held until an event's handling ends (issue 19): an order reaches the profile
 * through the rules and then each plugin's subscribers and settled work, and each used to write
 * its own upsert and change row. While an outermost event is handled, every profile write of the
 * transaction is planned here instead, and written once at the end: one upsert of the resulting
 * values and one insert of the change rows (still one row per plugin and event, in the order the
 * changes were made, so the explain API answers as before). Reads in the transaction see what is
 * held ({@link overlayHeld}); code that reads profile rows with its own SQL writes them first
 * ({@link writeHeld}). A savepoint that rolls back takes back what was held inside it
 * (the held writes are an undoable entry of the transaction memo).
 */
import { transactionMemo, type Queryable, type UndoableMemo } from '@rapport/db'
import type { ProfileValue } from '../plugins/contract.js'
import type { PlannedChange } from './plan-changes.js'

/** Where changes belong: the customer, the causing event (when there is one) and the time. */
export type ChangeTarget = { customerId: string; eventSeq?: number | undefined; at: string }

/** One profile write: what one `writePlannedChanges` call was given. */
export type HeldWrite = { target: ChangeTarget; planned: readonly PlannedChange[] }

const KEY = 'core.profile-held'

/**
 * The writes of one transaction's event handling, and how many handlings hold them open. `all`
 * keeps what was already written too (up to `written`) until the last handling ends: a savepoint
 * rolling back a write that was taken early ({@link writeHeld}) gives it back to be written again.
 */
class HeldWrites implements UndoableMemo {
  all: HeldWrite[] = []
  written = 0
  open = 0
  mark(): { length: number; written: number } { return { length: this.all.length, written: this.written } }
  rollBackTo(mark: unknown): void {
    const m = mark as { length: number; written: number }
    this.all.length = Math.min(this.all.length, m.length)
    this.written = Math.min(this.written, m.written)
  }
  unwritten(): HeldWrite[] { return this.all.slice(this.written) }
}

const heldOf = (q: Queryable, create: boolean): HeldWrites | undefined => {
  const memo = transactionMemo(q)
  if (!memo) return undefined
  let held = memo.get(KEY) as HeldWrites | undefined
  if (!held && create) memo.set(KEY, (held = new HeldWrites()))
  return held
}

/**
 * Holds `q`'s transaction's profile writes while `fn` runs, then writes them with `write` (when
 * no other handling still holds them). Outside a transaction `fn` just runs. When `fn` fails,
 * what it held is dropped with it (its transaction or savepoint is rolled back).
 * @param q - the event's transaction
 * @param fn - the event's handling
 * @param write - writes the held writes (write-planned-changes.ts)
 * @example await holdProfileWrites(tx, () => handle(), (w) => writeNow(tx, w))
 */
export async function holdProfileWrites<T>(q: Queryable, fn: () => Promise<T>, write: (writes: readonly HeldWrite[]) => Promise<void>): Promise<T> {
  const held = heldOf(q, true)
  if (!held) return fn()
  held.open++
  let result: T
  try {
    result = await fn()
  } catch (err) {
    if (--held.open === 0) reset(held)
    throw err
  }
  if (--held.open === 0) {
    const writes = held.unwritten()
    reset(held)
    if (writes.length > 0) await write(writes)
  }
  return result
}

function reset(held: HeldWrites): void {
  held.all = []
  held.written = 0
}

/**
 * Holds one write when an event's handling holds `q`'s writes; false when it must be written now.
 * @example if (holdWrite(tx, { target, planned })) return
 */
export function holdWrite(q: Queryable, write: HeldWrite): boolean {
  const held = heldOf(q, false)
  if (!held || held.open === 0) return false
  held.all.push(write)
  return true
}

/**
 * Applies the held changes of one customer to `values` (read from the rows), in order.
 * @example const values = overlayHeld(tx, customerId, await readRows())
 */
export function overlayHeld(q: Queryable, customerId: string, values: Map<string, ProfileValue>): Map<string, ProfileValue> {
  const held = heldOf(q, false)
  if (!held) return values
  for (let i = held.written; i < held.all.length; i++) {
    const { target, planned } = held.all[i]!
    if (target.customerId !== customerId) continue
    for (const c of planned) {
      if (c.next === undefined) values.delete(c.field)
      else values.set(c.field, c.next)
    }
  }
  return values
}

/**
 * Writes what is held now, for code about to read profile rows with its own SQL (a segment
 * condition); later writes of the same handling are held again.
 * @example await writeHeld(tx, (w) => writeNow(tx, w)); await tx.all(SEGMENT_SQL, params)
 */
export async function writeHeld(q: Queryable, write: (writes: readonly HeldWrite[]) => Promise<void>): Promise<void> {
  const held = heldOf(q, false)
  if (!held || held.written === held.all.length) return
  const writes = held.unwritten()
  held.written = held.all.length
  await write(writes)
}
