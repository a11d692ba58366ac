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
  const stored = await tx.get<{ satisfaction_peak: number | null }>('SELECT satisfaction_peak FROM churn_risk_scores WHERE customer_id = ?', [customerId])
  if (!stored) return {}
  // The peak is churn-risk's own record (the rebuild cleared its profile copy).
  const inputs = inputsOf(stored.satisfaction_peak === null ? profile : { ...profile, 'churnRisk.satisfactionPeak': Number(stored.satisfaction_peak) })
  const result = churnScore(inputs, ctx.now(), config)
  const changes: ProfileChanges = {
    'churnRisk.score': { set: result.score }, 'churnRisk.band': { set: result.band },
    'churnRisk.rhythmPoints': { set: result.parts.rhythm }, 'churnRisk.satisfactionPoints': { set: result.parts.satisfaction },
    'churnRisk.complaintPoints': { set: result.parts.complaints }, 'churnRisk.tierDowngradePoints': { set: result.parts.tierDowngrade },
    'churnRisk.revenueAtStakeMinor': { set: result.revenueAtStakeMinor }, 'churnRisk.scoredAt': { set: ctx.now().toISOString() },
  }
  if (result.rhythm) {
    changes['churnRisk.pActive'] = { set: round(result.rhythm.pActive, 4) }
    changes['churnRisk.typicalGapDays'] = { set: round(result.rhythm.typicalGapDays, 1) }
  }
  if (inputs.satisfactionPeak !== undefined) changes['churnRisk.satisfactionPeak'] = { set: inputs.satisfactionPeak }
  return changes
}
