/**
 * @module
 * What an evaluation computes for one customer, before the downgrade policy is applied.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { TieringConfig } from '../config.js'
import type { RecencyStatus, Segment, Tier } from '../../shared/vocabulary.js'

export type Evaluation = {
  recency: number
  frequency: number
  monetary: number
  segment: Segment
  recencyStatus: RecencyStatus
  /** The tier the spend earns, before the downgrade policy. */
  computedTier: Tier
  /** Net spend in the window. */
  spendMinor: number
  /** What the tier was chosen on: `spend` (percentiles, or spend thresholds) or a points basis. */
  basis: 'spend' | 'pointsBalance' | 'pointsLifetime'
  /** The value of that basis (minor units or points). */
  basisValue: number
}

/** The plugin's context, typed with its config. */
export type TieringContext = PluginContext<TieringConfig>
