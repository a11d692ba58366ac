/**
 * @module
 * For a profile rebuild: after the log is replayed through the rules (the order history and
 * downgrades), the score fields are recomputed from those inputs at the host's clock. No event is
 * emitted and no offer made: a rebuild never re-runs side effects.
 */
import type { PluginDefinition, ProfileChanges } from '@rapport/plugin-sdk'
import type { ChurnConfig } from './config.js'
import { churnScore } from './model/churn-score.js'
import { inputsOf } from './scoring/inputs-of.js'
import { mirroredFields } from './scoring/mirrored-fields.js'

type Recompute = NonNullable<PluginDefinition['recomputeProfile']>

/** @example definePlugin({ ..., recomputeProfile }) */
export const recomputeProfile: Recompute = async (customerId, tx, ctx) => {
  const config = ctx.config as ChurnConfig
  const profile = await ctx.readProfile(customerId, tx)
  if (!(await tx.get('SELECT 1 AS one FROM churn_risk_scores WHERE customer_id = ?', [customerId]))) return {}
  const inputs = inputsOf(profile)
  const at = ctx.now()
  const result = churnScore(inputs, at, config, ctx.timeZone)
  // The same mirrored values as the live path (null without a rhythm: left unset there too).
  const changes: ProfileChanges = { 'churnRisk.scoredAt': { set: at.toISOString() } }
  for (const [field, value] of Object.entries(mirroredFields(result))) if (value !== null) changes[field] = { set: value }
  return changes
}
