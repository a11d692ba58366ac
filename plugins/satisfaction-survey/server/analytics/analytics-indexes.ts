/**
 * @module
 * Indexes for analytics and exports: covering indexes so NPS and CSAT over a range are read from
 * the index alone (per survey and across surveys), and (survey, seq) so an export's keyset pages
 * are index range scans instead of a sort of the whole survey per page.
 */
import type { Migration } from '@rapport/plugin-sdk'

const indexes = [
  'CREATE INDEX satisfaction_responses_survey_scores ON satisfaction_responses (survey_id, completed_at, nps, csat)',
  'CREATE INDEX satisfaction_responses_completed_scores ON satisfaction_responses (completed_at, nps, csat)',
  'CREATE INDEX satisfaction_responses_survey_seq ON satisfaction_responses (survey_id, seq)',
]

/** @example migrations: [createTables('0001_init', surveyTables), …, analyticsIndexes] */
export const analyticsIndexes: Migration = { id: '0003_analytics_indexes', sqlite: indexes, pg: indexes }
