/**
 * @module
 * The campaigns table (migration 0009): one row per campaign, with its rule and conditions as
 * JSON and the points it has issued, which its budget caps.
 */
import { t, table } from '@rapport/plugin-sdk'

/** Time-boxed multipliers and bonuses; `issued_points` grows in the transactions of the orders it credits. */
export const campaigns = table('points_campaigns', {
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  kind: t.text().notNull(),
  /** `{ multiplier }` or `{ bonusPoints }`. */
  rule: t.json().notNull(),
  conditions: t.json().notNull(),
  startsAt: t.timestamp().notNull(),
  endsAt: t.timestamp().notNull(),
  budgetPoints: t.bigint(),
  issuedPoints: t.bigint().notNull().default(0),
  active: t.boolean().notNull().default(true),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'points_campaigns_window', columns: ['startsAt', 'endsAt'] }] })
