/**
 * @module
 * The plugin's configuration: validated when enabled or changed; defaults fill a fresh config.
 * Its JSON Schema drives the admin form.
 */
import { z } from '@rapport/plugin-sdk'

const positiveMultiplier = z.number().positive().max(100)

/**
 * Earning, timing and limit settings of points-membership.
 * @example pointsConfig.parse({}) // { currency: 'CNY', pointsPerUnit: 1, returnWindowDays: 7, ... }
 */
export const pointsConfig = z.object({
  /** The only currency orders earn in; other currencies earn nothing (preview: 422). */
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  /** Minor units in one major unit of `currency` (100 fen in a yuan). */
  minorPerUnit: z.number().int().positive().default(100),
  /** Points per major unit spent, before multipliers. */
  pointsPerUnit: z.number().nonnegative().max(1000).default(1),
  /** Multipliers by item category, e.g. `{ tea: 2 }`; unknown categories count 1. */
  categoryMultipliers: z.record(z.string().min(1), positiveMultiplier).default({}),
  /** Days a new order's points stay pending (the return window) before they can be spent. */
  returnWindowDays: z.number().int().min(0).max(365).default(7),
  /** Days after earning that a lot expires. */
  expiryDays: z.number().int().min(1).max(3650).default(365),
  /** Days ahead counted by `points.expiringSoon`. */
  expiringSoonDays: z.number().int().min(1).max(365).default(30),
  /** Enrol a customer automatically on their first completed order. */
  autoEnrol: z.boolean().default(true),
  /** When a refund revokes more than the balance holds, record the rest as debt (repaid from the next earns); otherwise forgive it. */
  allowDebt: z.boolean().default(true),
  caps: z.object({
    /** Most points one customer can earn from orders per UTC day. */
    perDay: z.number().int().positive().optional(),
    /** Most points one customer can ever earn from orders. */
    perCustomer: z.number().int().positive().optional(),
  }).default({}),
  /**
   * Fixed bonuses for other plugins' events, e.g. `{ "survey.responseCompleted": { points: 50 } }`;
   * available at once, not capped; `segmentId` limits one to a saved segment's customers. Amounts apply live; the set of event types is read when the
   * plugin starts (enable or boot).
   */
  eventBonuses: z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+$/).refine((type) => !type.startsWith('points.') && !type.startsWith('order.'), 'not points.* or order.* events'),
    z.object({
      points: z.number().int().positive().max(1_000_000),
      oncePerCustomer: z.boolean().default(false),
      /** A saved segment (core's Segments page): only members in it when the event happens get the bonus. */
      segmentId: z.string().min(1).max(64).optional(),
    }),
  ).default({}),
  /** Days before a lot expires that `points.expiring` is emitted (once per customer and expiry day). */
  expiryNoticeDays: z.number().int().min(1).max(365).default(14),
  /**
   * Birthday bonus, once a year, on the day or in the month of the customer's birthday (the
   * business's calendar, `RAPPORT_TIME_ZONE`): `points` (0: none) and, when `rewardId` names an
   * active reward, one voucher of it (a birthday coupon, no points spent).
   */
  birthdayBonus: z.object({
    points: z.number().int().min(0).max(1_000_000).default(0), when: z.enum(['day', 'month']).default('month'),
    rewardId: z.string().min(1).max(64).optional(),
  }).default({ points: 0, when: 'month' }),
  /** Points credited to a customer when they enrol (the signup bonus); 0 is off. Available at once. */
  signupBonus: z.number().int().min(0).max(1_000_000).default(0),
  /** Most points one goodwill credit (`complaint.goodwill.granted`, `points.credit`) may grant. */
  maxGoodwillPoints: z.number().int().positive().default(10_000),
  /** What one point is worth in minor units of `currency`, for the liability report. */
  pointValueMinor: z.number().nonnegative().max(1_000_000).default(1),
  /** Minutes after a till used a voucher code in which it may undo the use (0: never). */
  voucherUndoMinutes: z.number().int().min(0).max(10_080).default(30),
  /** Largest spend or adjustment accepted in one request (POINTS_AMOUNT_OVER_LIMIT above it). */
  maxPointsPerRequest: z.number().int().positive().default(1_000_000),
})

/** The validated config. @example const c: PointsConfig = pointsConfig.parse({}) */
export type PointsConfig = z.infer<typeof pointsConfig>
