/**
 * @module
 * Events tiering emits. The host requires event types to start with the namespace, so the
 * issue's `tier.changed` / `ladder.changed` are `tiering.tierChanged` / `tiering.ladderChanged`.
 */
import { z } from '@rapport/plugin-sdk'
import { LADDER, TIERS } from '../shared/vocabulary.js'

export const tierChanged = z.object({
  from: z.enum(TIERS).nullable(),
  to: z.enum(TIERS),
  /** initial: first tier; upgrade; downgrade (per the downgrade policy). */
  reason: z.enum(['initial', 'upgrade', 'downgrade']),
  /** What evaluated: an order or refund of this customer, or the full re-evaluation. */
  trigger: z.enum(['event', 'reevaluation']),
  /** Net spend in the RFM window that the tier was chosen on. */
  spendMinor: z.number().int(),
  mode: z.enum(['percentile', 'thresholds']),
})

export const ladderChanged = z.object({
  from: z.enum(LADDER).nullable(),
  to: z.enum(LADDER),
  reason: z.string(),
})

export type TierChanged = z.infer<typeof tierChanged>

export const events = {
  'tiering.tierChanged': tierChanged,
  'tiering.ladderChanged': ladderChanged,
}

declare module '@rapport/plugin-sdk' {
  interface EventMap {
    'tiering.tierChanged': z.infer<typeof tierChanged>
    'tiering.ladderChanged': z.infer<typeof ladderChanged>
  }
}
