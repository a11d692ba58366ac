/**
 * @module
 * complaint-tracking: complaint intake (agents, API keys, customer links, the public form), a
 * workflow with reopen window, assignment, replies and notes, attachments, SLA clocks on business
 * calendars with escalation, resolution with goodwill points and follow-up visits, detractor
 * cases, CSAT after resolution, analytics, and a full history. The entry is a table of contents.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { complaintsConfig } from './config.js'
import { customerPages } from './customer-pages.js'
import { openWidget } from './dashboard/open-widget.js'
import { events } from './events.js'
import { importCasesCommand } from './imports/import-cases-command.js'
import { migrations } from './migrations.js'
import { profile } from './profile.js'
import { recomputeProfile } from './recompute-profile.js'
import { setup } from './setup.js'
import { complaintsTables } from './tables.js'
import './contracts.js'

export default definePlugin({
  name: 'complaint-tracking', namespace: 'complaints', eventPrefixes: ['complaint'], version: '0.3.0', host: '^1',
  requires: {}, optional: { tiering: '^0.1.0 || ^1', 'satisfaction-survey': '*', 'points-membership': '*' },
  config: complaintsConfig, tables: complaintsTables, migrations, profile, events, setup, recomputeProfile,
  dashboard: { open: openWidget }, pages: customerPages,
  commands: { 'import-cases': importCasesCommand },
})
