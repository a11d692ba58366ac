/**
 * @module
 * complaint-tracking: complaint intake (agents, API keys, customers through a link), a workflow
 * with reopen window, assignment, replies and internal notes, and a full history. The entry is a
 * table of contents.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { complaintsConfig } from './config.js'
import { events } from './events.js'
import { migrations } from './migrations.js'
import { profile } from './profile.js'
import { recomputeProfile } from './recompute-profile.js'
import { setup } from './setup.js'
import { complaintsTables } from './tables.js'

export default definePlugin({
  name: 'complaint-tracking', namespace: 'complaints', version: '0.1.0', host: '^1',
  requires: {}, optional: {},
  config: complaintsConfig, tables: complaintsTables, migrations, profile, events, setup, recomputeProfile,
})
