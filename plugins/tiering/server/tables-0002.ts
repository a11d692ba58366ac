/**
 * @module
 * What migration 0002 adds: the ladder's own history (for the funnel over time and the
 * ladder migration), and on `tiering_customers` the columns for the grace period, the points
 * a threshold tier may be measured on, and when the customer reached their ladder step.
 * `tables.ts` stays as migration 0001 created it (its checksum is pinned by installs).
 */
import { t, table } from '@rapport/plugin-sdk'

/** Every ladder change, with the criteria that held. */
export const ladderHistory = table('tiering_ladder_history', {
  id: t.serial(),
  customerId: t.text().notNull(),
  fromStep: t.text(),
  toStep: t.text().notNull(),
  reason: t.text().notNull(),
  at: t.timestamp().notNull(),
}, { indexes: [{ name: 'tiering_ladder_history_customer', columns: ['customerId', 'at'] }, { name: 'tiering_ladder_history_at', columns: ['at'] }] })

/** Small facts the full re-evaluation keeps between runs (`ladderConfig`: the ladder it last applied to everyone). */
export const state = table('tiering_state', {
  key: t.text().primaryKey(),
  value: t.text().notNull(),
})

/** Columns added to `tiering_customers`, as `[name, sqlite type, pg type]`. */
export const addedCustomerColumns = [
  /** When the computed tier first fell below the applied one (null while it does not): the grace period counts from here. */
  ['below_since', 'TEXT', 'TEXT'],
  /** `points.balance` and `points.lifetimeEarned` as last read from the profile (threshold tiers on points). */
  ['points_balance', 'INTEGER', 'BIGINT'],
  ['points_lifetime', 'INTEGER', 'BIGINT'],
  ['ladder_since', 'TEXT', 'TEXT'],
] as const
