/**
 * @module
 * Limit tables (migration 0007_limits): a survey's limits (no row: none), and the counted cells of
 * its completed responses (`total`, `day:<YYYY-MM-DD>`, `quota:<n>:<value>`), recounted from the
 * responses when the limits are saved and claimed one by one in each completion's transaction.
 */
import { t, table } from '@rapport/plugin-sdk'

/** A survey's limits as JSON (shared/limit-schemas.ts). */
export const limitSettings = table('satisfaction_limit_settings', {
  surveyId: t.text().primaryKey(),
  settings: t.json().notNull(),
  updatedAt: t.text().notNull(),
})

/** Completed responses per cell. */
export const limitCounts = table('satisfaction_limit_counts', {
  surveyId: t.text().notNull(),
  cell: t.text().notNull(),
  n: t.integer().notNull(),
}, { primaryKey: ['surveyId', 'cell'] })

/** The tables of migration `0007_limits`. */
export const limitTables = [limitSettings, limitCounts]
