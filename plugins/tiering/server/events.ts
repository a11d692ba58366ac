/**
 * @module
 * Events tiering emits, under the domain's names `tier.changed` and `ladder.changed`: the plugin
 * claims the event prefixes `tier` and `ladder` (`EVENT_PREFIXES`), so no other plugin may use them.
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

/** The event prefixes tiering owns besides its namespace. */
export const EVENT_PREFIXES = ['tier', 'ladder'] as const

export const events = {
  'tier.changed': tierChanged,
  'ladder.changed': ladderChanged,
}
