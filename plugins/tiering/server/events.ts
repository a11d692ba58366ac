/**
 * @module
 * Events tiering emits. The host refuses a plugin event type outside the plugin's namespace
 * (PLUGIN_DEFINITION_INVALID at boot, PLUGIN_EVENT_NOT_OWNED on emit), so the issue's
 * `tier.changed` / `ladder.changed` are `tiering.tierChanged` / `tiering.ladderChanged`.
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
  /** What the tier was chosen on, and its value (minor units for spend, points otherwise). */
  basis: z.enum(['spend', 'pointsBalance', 'pointsLifetime']),
  value: z.number().int(),
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
