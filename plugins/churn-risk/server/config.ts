/**
 * @module
 * churn-risk's config: the model's prior, the weights of each part, the bands, the period the
 * revenue at stake and the win-back offer are counted over. Validated when enabled or changed.
 */
import { z } from '@rapport/plugin-sdk'

const weight = (max: number) => z.number().int().min(0).max(max)

export const config = z.object({
  model: z.object({
    /** Typical days between orders assumed for a customer with little history (the population prior). */
    priorGapDays: z.number().positive().max(3650).default(30),
    /** How many gaps the prior counts as: a customer's own gaps outweigh it once they have more. */
    priorGapWeight: z.number().positive().max(100).default(2),
    /** Beta prior of the chance to drop out after an order (a, b): the mean is a / (a + b). */
    dropoutA: z.number().positive().max(100).default(1),
    dropoutB: z.number().positive().max(1000).default(4),
  }).default({ priorGapDays: 30, priorGapWeight: 2, dropoutA: 1, dropoutB: 4 }),
  /** Points each part may add; the score is their sum, capped at 100. */
  weights: z.object({
    rhythm: weight(100).default(75),
    satisfaction: weight(100).default(15),
    complaints: weight(100).default(15),
    tierDowngrade: weight(100).default(10),
  }).default({ rhythm: 75, satisfaction: 15, complaints: 15, tierDowngrade: 10 }),
  /** Points per open complaint (up to the complaints weight). */
  pointsPerOpenComplaint: z.number().int().min(0).max(100).default(10),
  /** A drop of this much on the 0–10 satisfaction scale gives the full satisfaction weight. */
  fullSatisfactionDrop: z.number().positive().max(10).default(5),
  /** A tier downgrade counts for this many days. */
  downgradeWindowDays: z.number().int().positive().max(3650).default(90),
  /** Score from which a customer is medium risk, and from which high risk (`churn.risk.high` on crossing). */
  mediumThreshold: z.number().int().min(1).max(100).default(35),
  highThreshold: z.number().int().min(1).max(100).default(60),
  /** The period revenue at stake is counted over, and the win-back offer is limited to (one per customer per period). */
  periodDays: z.number().int().positive().max(366).default(90),
  winBack: z.object({
    points: z.number().int().positive().max(1_000_000).default(200),
    /** Offer automatically when a customer crosses into high risk (needs points-membership). */
    auto: z.boolean().default(false),
  }).default({ points: 200, auto: false }),
}).refine((c) => c.mediumThreshold < c.highThreshold, { message: 'mediumThreshold must be below highThreshold', path: ['mediumThreshold'] })

export type ChurnConfig = z.infer<typeof config>
