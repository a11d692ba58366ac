/**
 * @module
 * churn-risk: a churn-risk score 0–100 per customer from purchase rhythm, falling satisfaction,
 * open complaints and tier downgrades, each part explained; `churn.risk.high` on crossing the
 * threshold, a nightly re-score, a win-back points offer, the at-risk list and a dashboard widget.
 * Written only against the SDK; reads the other plugins' fields and events when they are there.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { config } from './config.js'
import { atRiskWidget } from './dashboard/at-risk-widget.js'
import { EVENT_PREFIXES, events } from './events.js'
import './extension-points.js'
import { profile } from './profile.js'
import { recomputeProfile } from './recompute-profile.js'
import { orderHistory, refundedSpend } from './rules/order-history.js'
import { satisfactionPeak } from './rules/satisfaction-peak.js'
import { tierDowngrade } from './rules/tier-downgrade.js'
import { setup } from './setup.js'
import { tables } from './tables.js'
import './contracts.js'

export default definePlugin({
  name: 'churn-risk', namespace: 'churnRisk', version: '0.1.0', host: '^1',
  optional: { tiering: '*', 'satisfaction-survey': '*', 'complaint-tracking': '*', 'points-membership': '*' },
  config, tables, profile, events, eventPrefixes: EVENT_PREFIXES, setup, recomputeProfile,
  scoring: [orderHistory, refundedSpend, tierDowngrade, satisfactionPeak],
  dashboard: { atRisk: atRiskWidget },
  admin: '@rapport/plugin-churn-risk/admin',
})
