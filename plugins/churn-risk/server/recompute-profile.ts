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

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

type Recompute = NonNullable<PluginDefinition['recomputeProfile']>

/** @example definePlugin({ ..., recomputeProfile }) */
export const recomputeProfile: Recompute = async (customerId, tx, ctx) => {
  const config = ctx.config as ChurnConfig
  const profile = await ctx.readProfile(customerId, tx)
  if (!(await tx.get('SELECT 1 AS one FROM churn_risk_scores WHERE customer_id = ?', [customerId]))) return {}
  const inputs = inputsOf(profile)
  const at = ctx.now()
  const result = churnScore(inputs, at, config, ctx.timeZone)
  const changes: ProfileChanges = {
    'churnRisk.score': { set: result.score }, 'churnRisk.band': { set: result.band },
    'churnRisk.rhythmPoints': { set: result.parts.rhythm }, 'churnRisk.satisfactionPoints': { set: result.parts.satisfaction },
    'churnRisk.complaintPoints': { set: result.parts.complaints }, 'churnRisk.tierDowngradePoints': { set: result.parts.tierDowngrade },
    'churnRisk.revenueAtStakeMinor': { set: result.revenueAtStakeMinor }, 'churnRisk.scoredAt': { set: at.toISOString() },
  }
  if (result.rhythm) {
    changes['churnRisk.pActive'] = { set: round(result.rhythm.pActive, 4) }
    changes['churnRisk.typicalGapDays'] = { set: round(result.rhythm.typicalGapDays, 1) }
  }
  return changes
}
