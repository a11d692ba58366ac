/**
 * @module
 * What migration 0006 adds: the cut points of each business day. An order is scored against the
 * cut points of its own day, computed from the customers as they stood when that day began, so a
 * result depends on event time alone (never on when a job ran); a day's row is written once, by
 * the first evaluation that needs it, and never updated, so concurrent orders share no hot row.
 * `tables.ts` stays as migration 0001 created it (its checksum is pinned by installs).
 */
import { t, table } from '@rapport/plugin-sdk'

/**
 * One row per business day and scoring basis: `basis` names the config the cut points depend on
 * (window days, percentiles, time zone), so a config change starts new rows instead of reusing
 * stale ones; `cuts` holds the cut points as JSON.
 */
export const dayCutPoints = table('tiering_day_cut_points', {
  day: t.integer().notNull(),
  basis: t.text().notNull(),
  cuts: t.text().notNull(),
  population: t.integer().notNull(),
  computedAt: t.timestamp().notNull(),
}, { primaryKey: ['day', 'basis'] })
