/**
 * @module
 * How far each plugin has seen the event log (`core_plugins.seen_through_seq`), and the lock that
 * keeps new events out while a plugin starts or stops seeing them. NULL is "current": the plugin
 * sees every event as it is appended.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { eq, max } from 'drizzle-orm'
import { coreSchema } from '../schema/drizzle/core-schema.js'

/**
 * The last event seq a plugin has seen, or null when it is current (or has no stored state).
 * @param q - the database or an open transaction
 * @param name - the plugin
 * @param forUpdate - lock the row until the transaction ends (PostgreSQL), so two catch-ups of one plugin take turns
 * @example const from = await readWatermark(tx, 'tiering', { forUpdate: true })
 */
export async function readWatermark(q: Queryable, name: string, { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<number | null> {
  const { pluginStates } = coreSchema.of(q)
  const read = ormOf(q).select({ seq: pluginStates.seenThroughSeq }).from(pluginStates).where(eq(pluginStates.name, name))
  // SQLite has no FOR UPDATE (and needs none: its one writer already is this transaction).
  const [row] = await (forUpdate && q.dialect === 'pg' ? read.for('update') : read)
  return row?.seq ?? null
}

/**
 * Stores how far a plugin has seen the log (null: current). Its state row must exist.
 * @example await writeWatermark(tx, 'tiering', 1200)
 */
export async function writeWatermark(q: Queryable, name: string, seq: number | null): Promise<void> {
  const { pluginStates } = coreSchema.of(q)
  await ormOf(q).update(pluginStates).set({ seenThroughSeq: seq }).where(eq(pluginStates.name, name))
}

/**
 * The seq of the last event appended, or null while the log is empty.
 * @example const last = await lastEventSeq(tx)
 */
export async function lastEventSeq(q: Queryable): Promise<number | null> {
  const { events } = coreSchema.of(q)
  const [row] = await ormOf(q).select({ seq: max(events.seq) }).from(events)
  return row?.seq ?? null
}

/**
 * Holds off appends to the event log until the transaction ends, after waiting for the ones in
 * flight to commit, so every event is either before the switch (in the log, visible) or after it
 * (its transaction reads the new set of active plugins). PostgreSQL only: SQLite has one writer,
 * and the open transaction already is it. Take it first, before any profile lock, or a waiting
 * append that holds a profile lock would deadlock with it.
 * @example await s.db.tx(async (tx) => { await lockEventLog(tx); ...switch the plugin... })
 */
export async function lockEventLog(tx: Queryable): Promise<void> {
  // drizzle has no builder for LOCK TABLE: the one statement it cannot express here.
  if (tx.dialect === 'pg') await tx.exec('LOCK TABLE core_events IN EXCLUSIVE MODE')
}
