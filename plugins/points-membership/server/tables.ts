/**
 * @module
 * The plugin's own tables. Customers are referred to by id only (no foreign key to core).
 * Invariant kept by every ledger write: `balance = Σ lots.remaining − debt = Σ ledger.delta`.
 * These are the tables as the first two migrations create them; `migration-0003.ts` adds
 * columns (member birthday, reward kind, per-customer limit and tiers, voucher voidedAt);
 * `migration-0005.ts` adds `points_lots.expired` (what the expiry took from a lot).
 */
import { t, table } from '@rapport/plugin-sdk'

/** One row per member: status, number and the running totals. */
export const members = table('points_members', {
  seq: t.serial(),
  customerId: t.text().notNull().unique(),
  memberNo: t.text().unique(),
  status: t.text().notNull().default('active'),
  joinedAt: t.timestamp().notNull(),
  balance: t.bigint().notNull().default(0),
  debt: t.bigint().notNull().default(0),
  lifetimeEarned: t.bigint().notNull().default(0),
  updatedAt: t.timestamp().notNull(),
})

/** Every change of a balance, once per idempotency key (database-enforced). */
export const ledger = table('points_ledger', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  customerId: t.text().notNull(),
  kind: t.text().notNull(),
  /** What was asked (positive), e.g. the points of a spend. */
  points: t.bigint().notNull(),
  /** The change of the balance (signed). */
  delta: t.bigint().notNull(),
  /** The change of the debt (signed). */
  debtDelta: t.bigint().notNull().default(0),
  balanceAfter: t.bigint().notNull(),
  idempotencyKey: t.text().notNull().unique(),
  orderId: t.text(),
  reason: t.text(),
  actor: t.text(),
  details: t.json(),
  occurredAt: t.timestamp().notNull(),
  createdAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'points_ledger_customer', columns: ['customerId', 'createdAt'] }, { name: 'points_ledger_order', columns: ['orderId'] }] })

/** Earned points, pending until `availableAt`, spendable until `expiresAt`. */
export const lots = table('points_lots', {
  id: t.text().primaryKey(),
  customerId: t.text().notNull(),
  entryId: t.text().notNull(),
  orderId: t.text(),
  points: t.bigint().notNull(),
  remaining: t.bigint().notNull(),
  availableAt: t.timestamp().notNull(),
  expiresAt: t.timestamp().notNull(),
  createdAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'points_lots_customer_expiry', columns: ['customerId', 'expiresAt'] }, { name: 'points_lots_expiry', columns: ['expiresAt'] }] })

/** Orders that earned (or could have earned), so refunds revoke in proportion. */
export const orders = table('points_orders', {
  orderId: t.text().primaryKey(),
  customerId: t.text().notNull(),
  amountMinor: t.bigint().notNull(),
  currency: t.text().notNull(),
  pointsEarned: t.bigint().notNull(),
  refundedMinor: t.bigint().notNull().default(0),
  pointsRevoked: t.bigint().notNull().default(0),
  createdAt: t.timestamp().notNull(),
})

/** The rewards catalog; `stock` null means unlimited. */
export const rewards = table('points_rewards', {
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  costPoints: t.bigint().notNull(),
  stock: t.bigint(),
  active: t.boolean().notNull().default(true),
  voucherValidDays: t.integer().notNull(),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
})

/** Voucher codes issued by redemptions; a code is used at most once. */
export const vouchers = table('points_vouchers', {
  code: t.text().primaryKey(),
  customerId: t.text().notNull(),
  rewardId: t.text().notNull(),
  entryId: t.text().notNull(),
  status: t.text().notNull().default('issued'),
  issuedAt: t.timestamp().notNull(),
  expiresAt: t.timestamp().notNull(),
  usedAt: t.timestamp(),
}, { indexes: [{ name: 'points_vouchers_entry', columns: ['entryId'] }, { name: 'points_vouchers_customer', columns: ['customerId', 'issuedAt'] }] })

/** Uses of voucher codes at a till (migration 0006): one per (code, till key), so a repeat finds it and an undo names it. */
export const voucherUses = table('points_voucher_uses', {
  id: t.text().primaryKey(),
  code: t.text().notNull(),
  idempotencyKey: t.text().notNull(),
  orderReference: t.text().notNull(),
  usedAt: t.timestamp().notNull(),
  actor: t.text(),
  undoneAt: t.timestamp(),
  undoReason: t.text(),
  undoneBy: t.text(),
  createdAt: t.timestamp().notNull(),
}, { uniques: [['code', 'idempotencyKey']] })

/** The tables of the first migration. @example createTables('0001_init', pointsTables) */
export const pointsTables = [members, ledger, lots, orders] as const

/** The tables of the rewards migration. @example createTables('0002_rewards', rewardTables) */
export const rewardTables = [rewards, vouchers] as const
