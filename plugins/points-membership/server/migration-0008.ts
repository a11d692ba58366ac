/**
 * @module
 * Eighth migration (issue 25 item 4, referrals): each member's referral code
 * (`points_referral_codes`, one per customer) and the referrals (`points_referrals`, one per
 * referee: a referee has at most one referrer, which the primary key enforces).
 */
import { createTables, type Migration, t, table } from '@rapport/plugin-sdk'

/** A member's member-get-member code. */
export const referralCodes = table('points_referral_codes', {
  customerId: t.text().primaryKey(),
  code: t.text().notNull().unique(),
  createdAt: t.timestamp().notNull(),
})

/** Who referred whom; `rewarded_at` and `order_id` once the referee's first qualifying order rewarded both. */
export const referrals = table('points_referrals', {
  refereeId: t.text().primaryKey(),
  referrerId: t.text().notNull(),
  code: t.text().notNull(),
  linkedAt: t.timestamp().notNull(),
  orderId: t.text(),
  rewardedAt: t.timestamp(),
}, { indexes: [{ name: 'points_referrals_referrer', columns: ['referrerId', 'rewardedAt'] }] })

/** @example migrations[7] */
export const migration0008: Migration = createTables('0008_referrals', [referralCodes, referrals])
