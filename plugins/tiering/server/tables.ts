/**
 * @module
 * The plugin's own records: its copy of each order (so windows and refunds need no core
 * table), per-customer aggregates and evaluated scores, the cut points of the last full
 * re-evaluation, and the history of tier changes.
 */
import { t, table } from '@rapport/plugin-sdk'

/** One row per order seen on `order.completed`; refunds add to `refundedMinor`. */
export const orders = table('tiering_orders', {
  orderId: t.text().primaryKey(),
  customerId: t.text().notNull(),
  amountMinor: t.bigint().notNull(),
  refundedMinor: t.bigint().notNull().default(0),
  currency: t.text().notNull(),
  occurredAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'tiering_orders_customer', columns: ['customerId', 'occurredAt'] }] })

/**
 * One row per customer who ordered: lifetime aggregates, window aggregates, the applied
 * scores (mirrored to the profile) and the `next*` scores the full re-evaluation computes.
 */
export const customers = table('tiering_customers', {
  customerId: t.text().primaryKey(),
  orders: t.integer().notNull().default(0),
  spendMinor: t.bigint().notNull().default(0),
  firstOrderAt: t.timestamp(),
  lastOrderAt: t.timestamp(),
  /** Days since 1970-01-01 of the last order: the recency value scored (higher is better). */
  lastOrderDay: t.integer(),
  avgGapDays: t.real(),
  windowOrders: t.integer().notNull().default(0),
  windowSpendMinor: t.bigint().notNull().default(0),
  recency: t.integer(),
  frequency: t.integer(),
  monetary: t.integer(),
  segment: t.text(),
  recencyStatus: t.text(),
  tier: t.text(),
  tierSince: t.timestamp(),
  ladder: t.text(),
  nextRecency: t.integer(),
  nextFrequency: t.integer(),
  nextMonetary: t.integer(),
  nextSegment: t.text(),
  nextRecencyStatus: t.text(),
  nextTier: t.text(),
  evaluatedAt: t.timestamp(),
}, { indexes: [{ name: 'tiering_customers_tier', columns: ['tier'] }, { name: 'tiering_customers_segment', columns: ['segment'] }, { name: 'tiering_customers_ladder', columns: ['ladder'] }] })

/** Lowest value reaching each level at the last full re-evaluation: metric recency|frequency|monetary with level 2..5, metric tier with a tier. */
export const cutPoints = table('tiering_cut_points', {
  metric: t.text().notNull(),
  level: t.text().notNull(),
  minValue: t.real(),
  population: t.integer().notNull(),
  computedAt: t.timestamp().notNull(),
}, { primaryKey: ['metric', 'level'] })

/** Every tier change, with its reason. */
export const history = table('tiering_history', {
  id: t.serial(),
  customerId: t.text().notNull(),
  fromTier: t.text(),
  toTier: t.text().notNull(),
  reason: t.text().notNull(),
  trigger: t.text().notNull(),
  spendMinor: t.bigint().notNull(),
  at: t.timestamp().notNull(),
}, { indexes: [{ name: 'tiering_history_customer', columns: ['customerId', 'at'] }] })

/** All tables, in creation order. */
export const tables = [orders, customers, cutPoints, history]
