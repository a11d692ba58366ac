/**
 * @module
 * Pure rule on tiering's `tier.changed`: a downgrade is remembered (it counts towards the risk for
 * `downgradeWindowDays`), an upgrade clears it. The payload is typed by tiering's contract (a type
 * import: churn-risk never loads tiering's code, and reads the event only when tiering is there).
 */
import { rule } from '@rapport/plugin-sdk'

export const tierDowngrade = rule({
  id: 'tier-downgrade', version: 1, on: 'tier.changed',
  apply: (e) => {
    const { reason } = e.payload
    if (reason === 'downgrade') return { 'churnRisk.lastDowngradeAt': { set: e.occurredAt } }
    if (reason === 'upgrade') return { 'churnRisk.lastDowngradeAt': { unset: true } }
    return {}
  },
})
