/**
 * @module
 * The rewards catalog: create, list, change, and take stock atomically.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { type RewardValue, VALUE_TYPE_OF_KIND } from '../../shared/schemas.js'
import { pointsErrors } from '../errors.js'

/** A reward; `stock` null is unlimited. */
export type Reward = {
  id: string; name: string; costPoints: number; stock: number | null; active: boolean; voucherValidDays: number
  kind: 'voucher' | 'discount' | 'gift'; perCustomerLimit: number | null; tiers: Tier[] | null; value: RewardValue | null; exclusive: boolean
}
/** The value tiers of the tiering plugin. */
export type Tier = 'diamond' | 'silver' | 'bronze' | 'iron'

type Row = {
  id: string; name: string; cost_points: number; stock: number | null; active: number; voucher_valid_days: number
  kind: Reward['kind']; per_customer_limit: number | null; tiers: string | null; value: string | null; exclusive: number
}
const toReward = (r: Row): Reward => ({
  id: r.id, name: r.name, costPoints: Number(r.cost_points), stock: r.stock === null ? null : Number(r.stock), active: Number(r.active) === 1, voucherValidDays: Number(r.voucher_valid_days),
  kind: r.kind, perCustomerLimit: r.per_customer_limit === null ? null : Number(r.per_customer_limit), tiers: r.tiers ? JSON.parse(r.tiers) : null,
  value: r.value ? JSON.parse(r.value) : null, exclusive: Number(r.exclusive) === 1,
})
const COLUMNS = 'id, name, cost_points, stock, active, voucher_valid_days, kind, per_customer_limit, tiers, value, exclusive'
const INSERT = `INSERT INTO points_rewards (id, name, cost_points, stock, active, voucher_valid_days, kind, per_customer_limit, tiers, value, exclusive, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
const UPDATE = `UPDATE points_rewards SET name = ?, cost_points = ?, stock = ?, active = ?, voucher_valid_days = ?, kind = ?, per_customer_limit = ?, tiers = ?, value = ?, exclusive = ?, updated_at = ?
  WHERE id = ?`
const REDEEMED = 'SELECT COUNT(*) AS n FROM points_vouchers WHERE customer_id = ? AND reward_id = ? AND status <> ?'
// Conditional, so two redemptions can never take the last item twice.
const TAKE = 'UPDATE points_rewards SET stock = stock - ? WHERE id = ? AND stock IS NOT NULL AND stock >= ?'

const tiersOf = (r: Reward): string | null => (r.tiers ? JSON.stringify(r.tiers) : null)
const valueJson = (r: Reward): string | null => (r.value ? JSON.stringify(r.value) : null)

/** Refuses a value whose type does not fit the kind (422). @example checkValue(reward) */
export function checkValue(r: Pick<Reward, 'kind' | 'value'>): void {
  const expected = VALUE_TYPE_OF_KIND[r.kind]
  if (r.value && r.value.type !== expected) throw pointsErrors.REWARD_VALUE_INVALID({ kind: r.kind, valueType: r.value.type, expected })
}

/** Items of a reward a customer holds or used (voided ones do not count). @example await redeemedBy(tx, id, 'tea-cup') */
export async function redeemedBy(q: Queryable, customerId: string, rewardId: string): Promise<number> {
  return Number((await q.get<{ n: number }>(REDEEMED, [customerId, rewardId, 'void']))?.n ?? 0)
}

/** @example await findReward(tx, 'tea-cup') */
export async function findReward(q: Queryable, id: string): Promise<Reward | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM points_rewards WHERE id = ?`, [id])
  return row && toReward(row)
}

/** @example await listRewards(ctx.db) */
export async function listRewards(q: Queryable): Promise<Reward[]> {
  return (await q.all<Row>(`SELECT ${COLUMNS} FROM points_rewards ORDER BY cost_points, id`)).map(toReward)
}

/** @returns false when the id is taken. @example await insertReward(tx, reward, now) */
export async function insertReward(tx: Queryable, r: Reward, at: string): Promise<boolean> {
  const { changes } = await tx.run(INSERT, [r.id, r.name, r.costPoints, r.stock, r.active ? 1 : 0, r.voucherValidDays, r.kind, r.perCustomerLimit, tiersOf(r), valueJson(r), r.exclusive ? 1 : 0, at, at])
  return changes === 1
}

/** @example await saveReward(tx, { ...reward, stock: 10 }, now) */
export async function saveReward(tx: Queryable, r: Reward, at: string): Promise<void> {
  await tx.run(UPDATE, [r.name, r.costPoints, r.stock, r.active ? 1 : 0, r.voucherValidDays, r.kind, r.perCustomerLimit, tiersOf(r), valueJson(r), r.exclusive ? 1 : 0, at, r.id])
}

/** Takes `quantity` from a limited stock; true when taken (always true for unlimited). @example await takeStock(tx, reward, 1) */
export async function takeStock(tx: Queryable, reward: Reward, quantity: number): Promise<boolean> {
  if (reward.stock === null) return true
  return (await tx.run(TAKE, [quantity, reward.id, quantity])).changes === 1
}
