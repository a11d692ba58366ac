/**
 * @module
 * churn-risk's own records: the current score of each customer with its parts (mirrored to the
 * profile; the at-risk list and the dashboard widget read it in SQL), and the win-back offers.
 */
import { t, table } from '@rapport/plugin-sdk'

export const scores = table('churn_risk_scores', {
  customerId: t.text().primaryKey(),
  score: t.integer().notNull(),
  band: t.text().notNull(),
  rhythmPoints: t.integer().notNull(),
  satisfactionPoints: t.integer().notNull(),
  complaintPoints: t.integer().notNull(),
  tierDowngradePoints: t.integer().notNull(),
  pActive: t.real(),
  typicalGapDays: t.real(),
  lastOrderAt: t.timestamp(),
  revenueAtStakeMinor: t.bigint().notNull(),
  currency: t.text(),
  scoredAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'churn_risk_scores_score', columns: ['score'] }, { name: 'churn_risk_scores_band', columns: ['band', 'score'] }] })

/** One win-back offer per customer per period (`period` is the period's first day). */
export const winBacks = table('churn_risk_win_backs', {
  customerId: t.text().notNull(),
  period: t.text().notNull(),
  points: t.integer().notNull(),
  entryId: t.text().notNull(),
  offeredAt: t.timestamp().notNull(),
  offeredBy: t.text().notNull(),
}, { primaryKey: ['customerId', 'period'] })

export const tables = [scores, winBacks]
