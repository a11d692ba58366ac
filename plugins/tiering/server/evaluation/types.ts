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
  /** Net spend in the window, the basis of the tier. */
  spendMinor: number
}

/** The plugin's context, typed with its config. */
export type TieringContext = PluginContext<TieringConfig>
