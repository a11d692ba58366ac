/**
 * @module
 * satisfaction-survey: SurveyJS surveys with immutable published versions and built-in templates,
 * distributed by signed customer links, a rate-limited public link and event triggers; answers
 * checked by a compiled validator; NPS, CSAT and CES mirrored into the profile. The entry is a
 * table of contents.
 */
import { definePlugin } from '@rapport/plugin-sdk'
import { surveyConfig } from './config.js'
import { npsWidget } from './dashboard/nps-widget.js'
import { customerPages } from './customer-pages.js'
import { events } from './events.js'
import { extensionPoints } from './extension-points.js'
import { importResponsesCommand } from './imports/import-responses-command.js'
import { migrations } from './migrations.js'
import { profile } from './profile.js'
import { recomputeProfile } from './recompute-profile.js'
import { setup } from './setup.js'
import { revisions, surveyTables } from './tables.js'
import './contracts.js'

export default definePlugin({
  name: 'satisfaction-survey', namespace: 'satisfaction', version: '0.1.0', host: '^1',
  requires: {}, optional: { tiering: '^0.1.0 || ^1' },
  eventPrefixes: ['survey'],
  config: surveyConfig, tables: [...surveyTables, revisions], migrations, profile, events, extensionPoints, setup, recomputeProfile,
  dashboard: { nps: npsWidget },
  commands: { 'import-responses': importResponsesCommand },
  pages: customerPages,
})
