/**
 * @module
 * Lots: earned points with their own availability and expiry. Spends and revocations consume
 * them earliest-expiring first.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** One lot as the ledger reads it; `expired` is what the expiry took from it (0 until then). */
export type Lot = { id: string; orderId: string | null; points: number; remaining: number; expired: number; availableAt: string; expiresAt: string }
/** How much one write took from one lot. */
export type Consumed = { lotId: string; points: number }

type LotRow = { id: string; order_id: string | null; points: number; remaining: number; expired: number; available_at: string; expires_at: string }
const toLot = (r: LotRow): Lot => ({
  id: r.id, orderId: r.order_id, points: Number(r.points), remaining: Number(r.remaining), expired: Number(r.expired), availableAt: r.available_at, expiresAt: r.expires_at,
})
const COLUMNS = 'id, order_id, points, remaining, expired, available_at, expires_at'

const INSERT = `INSERT INTO points_lots (id, customer_id, entry_id, order_id, points, remaining, available_at, expires_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
// Expired lots the job has not reached yet come first (earliest expiry): the caller expires them before it writes.
const HOLDING = `SELECT ${COLUMNS} FROM points_lots WHERE customer_id = ? AND remaining > 0 ORDER BY expires_at, created_at, id`
const TO_TAKE = `SELECT ${COLUMNS} FROM points_lots WHERE customer_id = ? AND remaining > 0
  ORDER BY CASE WHEN order_id = ? THEN 0 ELSE 1 END, CASE WHEN available_at <= ? THEN 0 ELSE 1 END, expires_at, created_at, id`
const EXPIRED = `SELECT ${COLUMNS} FROM points_lots WHERE customer_id = ? AND remaining > 0 AND expires_at <= ? ORDER BY expires_at, id`
const ALL = `SELECT ${COLUMNS} FROM points_lots WHERE customer_id = ? ORDER BY expires_at, created_at, id`
const TAKE = 'UPDATE points_lots SET remaining = remaining - ? WHERE id = ? AND remaining >= ?'
const EXPIRE = 'UPDATE points_lots SET expired = expired + remaining, remaining = 0 WHERE id = ? AND remaining = ?'
const EXPIRING = 'SELECT COALESCE(SUM(remaining), 0) AS n FROM points_lots WHERE customer_id = ? AND remaining > 0 AND expires_at > ? AND expires_at <= ?'

/** @example await insertLot(tx, { id, customerId, entryId, orderId: 'o1', points: 50, remaining: 50, availableAt, expiresAt }, now) */
export async function insertLot(tx: Queryable, lot: Omit<Lot, 'expired'> & { customerId: string; entryId: string }, at: string): Promise<void> {
  await tx.run(INSERT, [lot.id, lot.customerId, lot.entryId, lot.orderId, lot.points, lot.remaining, lot.availableAt, lot.expiresAt, at])
}

/**
 * Every lot with points left, earliest-expiring first: pending ones too, so the caller has all it
 * needs for `points.expiringSoon` as well (see `spendable`), and expired ones the job has not
 * reached yet, which the caller expires first (see `expireDue`), in the same single read.
 * @example const lots = await lotsHoldingPoints(tx, id); const usable = spendable(lots, now)
 */
export async function lotsHoldingPoints(q: Queryable, customerId: string): Promise<Lot[]> {
  return (await q.all<LotRow>(HOLDING, [customerId])).map(toLot)
}

/** The available, unexpired ones of `lots` (in their order). @example spendable(await lotsHoldingPoints(tx, id), now) */
export const spendable = (lots: readonly Lot[], now: string): Lot[] => lots.filter((lot) => lot.availableAt <= now && lot.expiresAt > now)

/**
 * Every lot with points left in the order a revocation or a debit takes from them: `orderId`'s own
 * first, then available, then pending, earliest-expiring first. Lots past their expiry at `now`
 * are among them (one read): the caller expires those first and takes from the rest (`split`).
 * @example const { due, live } = split(await lotsToTake(tx, id, now, 'o1'), now)
 */
export async function lotsToTake(q: Queryable, customerId: string, now: string, orderId: string | null = null): Promise<Lot[]> {
  return (await q.all<LotRow>(TO_TAKE, [customerId, orderId, now])).map(toLot)
}

/** Lots past their expiry at `now` (`due`) and the others (`live`), each in their order. @example split(lots, now) */
export function split(lots: readonly Lot[], now: string): { due: Lot[]; live: Lot[] } {
  const due: Lot[] = []
  const live: Lot[] = []
  for (const lot of lots) (lot.expiresAt <= now ? due : live).push(lot)
  return { due, live }
}

/** Lots past their expiry that still hold points. @example await expiredLots(tx, id, now) */
export async function expiredLots(q: Queryable, customerId: string, now: string): Promise<Lot[]> {
  return (await q.all<LotRow>(EXPIRED, [customerId, now])).map(toLot)
}

/** Every lot of a customer. @example await allLots(ctx.db, id) */
export async function allLots(q: Queryable, customerId: string): Promise<Lot[]> {
  return (await q.all<LotRow>(ALL, [customerId])).map(toLot)
}

/** Sum of what is left in lots. @example remainingOf(lots) // 120 */
export const remainingOf = (lots: readonly Lot[]): number => lots.reduce((sum, lot) => sum + lot.remaining, 0)

/**
 * Takes up to `points` from the lots in order and returns what was taken from each; each lot's
 * `remaining` is lowered in place, so the caller's lots show what is left.
 * @example const taken = await consumeLots(tx, lots, 30)
 */
export async function consumeLots(tx: Queryable, lots: readonly Lot[], points: number): Promise<Consumed[]> {
  const consumed = planConsumption(lots, points)
  await takeFromLots(tx, lots, consumed)
  return consumed
}

/** What `consumeLots` would take from each lot, in order, without writing. @example planConsumption(lots, 30) // [{ lotId, points: 30 }] */
export function planConsumption(lots: readonly Lot[], points: number): Consumed[] {
  const consumed: Consumed[] = []
  let left = points
  for (const lot of lots) {
    if (left === 0) break
    const take = Math.min(left, lot.remaining)
    if (take <= 0) continue
    consumed.push({ lotId: lot.id, points: take })
    left -= take
  }
  return consumed
}

/** Writes a plan of `planConsumption` over the same lots, lowering their `remaining` in place. @example await takeFromLots(tx, lots, planConsumption(lots, 30)) */
export async function takeFromLots(tx: Queryable, lots: readonly Lot[], consumed: readonly Consumed[]): Promise<void> {
  const byId = new Map(lots.map((lot) => [lot.id, lot]))
  for (const { lotId, points } of consumed) {
    const { changes } = await tx.run(TAKE, [points, lotId, points])
    if (changes !== 1) throw new Error(`lot ${lotId} changed under a locked account`)
    byId.get(lotId)!.remaining -= points
  }
}

/**
 * Moves what is left in expired lots to their `expired` column (so a lot shows it expired, not
 * used); each lot's `remaining` and `expired` change in place.
 * @example await expireLotRows(tx, lots)
 */
export async function expireLotRows(tx: Queryable, lots: readonly Lot[]): Promise<void> {
  for (const lot of lots) {
    const { changes } = await tx.run(EXPIRE, [lot.id, lot.remaining])
    if (changes !== 1) throw new Error(`lot ${lot.id} changed under a locked account`)
    lot.expired += lot.remaining
    lot.remaining = 0
  }
}

/** Points that expire within `(now, until]`. @example await expiringSoon(tx, id, now, in30Days) */
export async function expiringSoon(q: Queryable, customerId: string, now: string, until: string): Promise<number> {
  return Number((await q.get<{ n: number }>(EXPIRING, [customerId, now, until]))?.n ?? 0)
}
