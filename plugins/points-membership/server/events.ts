/**
 * @module
 * Payload schemas of the events points-membership owns (the customer is the event's `customerId`).
 */
import { z } from '@rapport/plugin-sdk'

const points = z.number().int().nonnegative()

/** Points credited to a new lot (from an order or a positive adjustment). */
export const pointsEarned = z.object({
  entryId: z.string(), lotId: z.string(), points, orderId: z.string().optional(),
  debtRepaid: points, availableAt: z.string(), expiresAt: z.string(), balance: z.number().int(),
})
/** Points spent from the earliest-expiring available lots. */
export const pointsSpent = z.object({ entryId: z.string(), points, reference: z.string().optional(), balance: z.number().int() })
/** Points revoked by a refund of the order that earned them; `debt` is the part the balance could not cover. */
export const pointsRevoked = z.object({
  entryId: z.string(), orderId: z.string(), points, refundedMinor: z.number().int().nonnegative(), debt: points, balance: z.number().int(),
})
/** An admin adjustment (signed), with its reason. */
export const pointsAdjusted = z.object({ entryId: z.string(), points: z.number().int(), reason: z.string(), balance: z.number().int() })
/** Lots that reached their expiry. */
export const pointsExpired = z.object({ entryId: z.string(), points, lotIds: z.array(z.string()), balance: z.number().int() })

/** Points that expire on one day within `expiryNoticeDays`: the cue for a reminder to the customer. */
export const pointsExpiring = z.object({ points, expiresAt: z.string(), lotIds: z.array(z.string()) })

/** A referral rewarded (on the referrer): the referee's first qualifying order; `referrals` is how many the referrer has had rewarded. */
export const pointsReferralRewarded = z.object({ refereeId: z.string(), orderId: z.string(), referrals: z.number().int().positive() })

/** `events` of the definition. @example definePlugin({ ..., events }) */
export const events = {
  'points.earned': pointsEarned,
  'points.spent': pointsSpent,
  'points.revoked': pointsRevoked,
  'points.adjusted': pointsAdjusted,
  'points.expired': pointsExpired,
  'points.expiring': pointsExpiring,
  'points.referral.rewarded': pointsReferralRewarded,
}
