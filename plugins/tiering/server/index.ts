/**
 * @module
 * Tiering: RFM scores and segments, value tiers (金钻 / 白银 / 铜 / 铁) with their benefits,
 * and recency status, kept per customer from orders and re-evaluated nightly.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { afterCatchUp } from './after-catch-up.js'
import { config } from './config.js'
import { tierWidget } from './dashboard/tier-widget.js'
import { EVENT_PREFIXES, events } from './events.js'
import { extensionPoints } from './extension-points.js'
import { profile } from './profile.js'
import { migrations } from './migrations.js'
import { recomputeProfile } from './recompute-profile.js'
import { setup } from './setup.js'
import { tables } from './tables.js'
import { ladderHistory, state } from './tables-0002.js'
import './contracts.js'

export default definePlugin({
  name: 'tiering', namespace: 'tiering', version: '0.1.0', host: '^1',
  config, tables: [...tables, ladderHistory, state], migrations, profile, events, eventPrefixes: EVENT_PREFIXES, extensionPoints, setup, recomputeProfile, afterCatchUp,
  dashboard: { tiers: tierWidget },
})
