/**
 * @module
 * Migrations of satisfaction-survey, applied into its own migrations table.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { analyticsIndexes, partialScoreIndexes } from './analytics/analytics-indexes.js'
import { revisions, surveyTables } from './tables.js'
import { reminderTables } from './channels/reminder-tables.js'
import { limitTables } from './limits/limit-tables.js'

// complaint-tracking renamed its event `complaints.resolved` to `complaint.resolved`: stored
// triggers, and the sources of invitations and scheduled invitations it caused, take the new name.
const complaintResolvedRename = [
  `UPDATE satisfaction_surveys SET triggers = REPLACE(triggers, '"complaints.resolved"', '"complaint.resolved"') WHERE triggers LIKE '%"complaints.resolved"%'`,
  `UPDATE satisfaction_invitations SET source = 'complaint.resolved' WHERE source = 'complaints.resolved'`,
  `UPDATE satisfaction_scheduled SET source = 'complaint.resolved' WHERE source = 'complaints.resolved'`,
]

/** @example definePlugin({ ..., migrations }) */
export const migrations: readonly Migration[] = [
  createTables('0001_init', surveyTables),
  { id: '0002_complaint_resolved_trigger', sqlite: complaintResolvedRename, pg: complaintResolvedRename },
  analyticsIndexes,
  partialScoreIndexes,
  createTables('0005_revisions', [revisions]),
  createTables('0006_reminders', reminderTables),
  createTables('0007_limits', limitTables),
]
