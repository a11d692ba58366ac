/**
 * @module
 * Pure rule on tiering's `tier.changed`: a downgrade is remembered (it counts towards the risk for
 * `downgradeWindowDays`), an upgrade clears it. Untyped here: churn-risk does not depend on
 * tiering, it only reads the event when tiering is there.
 */
import { rule } from '@rapport/plugin-sdk'

export const tierDowngrade = rule({
  id: 'tier-downgrade', version: 1, on: 'tier.changed',
  apply: (e) => {
    const reason = (e.payload as { reason?: unknown }).reason
    if (reason === 'downgrade') return { 'churnRisk.lastDowngradeAt': { set: e.occurredAt } }
    if (reason === 'upgrade') return { 'churnRisk.lastDowngradeAt': { unset: true } }
    return {}
  },
})
