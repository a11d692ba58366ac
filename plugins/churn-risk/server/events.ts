/**
 * @module
 * Events churn-risk emits, under the domain's prefix `churn` (the definition claims it).
 */
import { z } from '@rapport/plugin-sdk'
import { BANDS } from './model/churn-score.js'

/** A customer crossed the high-risk threshold. */
export const riskHigh = z.object({
  score: z.number().int(), previousBand: z.enum(BANDS).nullable(),
  parts: z.object({ rhythm: z.number().int(), satisfaction: z.number().int(), complaints: z.number().int(), tierDowngrade: z.number().int() }),
  revenueAtStakeMinor: z.number().int(),
})

/** A win-back points offer was credited (once per customer per period). */
export const winBackOffered = z.object({ period: z.string(), points: z.number().int(), entryId: z.string() })

export const EVENT_PREFIXES = ['churn'] as const

export const events = { 'churn.risk.high': riskHigh, 'churn.winback.offered': winBackOffered }
