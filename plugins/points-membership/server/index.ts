/**
 * @module
 * points-membership: membership, a points ledger with lots, earning from orders, revocation on
 * refunds, spends and admin adjustments. The entry is a table of contents.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { verifyCommand } from './commands/verify-command.js'
import { impactOfConfig } from './campaigns/impact-hook.js'
import { customerPages } from './customer-pages.js'
import { liabilityWidget } from './dashboard/liability-widget.js'
import { pointsConfig } from './config.js'
import { events } from './events.js'
import { migrations } from './migrations.js'
import { profile } from './profile.js'
import { recomputeProfile } from './recompute-profile.js'
import { setup } from './setup.js'
import { pointsTables } from './tables.js'
import './extension-points.js'
import { contract } from '../contract.js'
import './contracts.js'

export default definePlugin({
  name: 'points-membership', namespace: 'points', version: '0.1.0', host: '^1',
  requires: {}, optional: { tiering: '^0.1.0 || ^1' },
  config: pointsConfig, tables: pointsTables, migrations, profile, events, setup, recomputeProfile, previewImpact: impactOfConfig,
  commands: { verify: verifyCommand },
  dashboard: { liability: liabilityWidget },
  pages: customerPages,
  extensionPoints: contract.extensionPoints,
})
