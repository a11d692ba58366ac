/**
 * @module
 * Migrations of satisfaction-survey, applied into its own migrations table.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { analyticsIndexes } from './analytics/analytics-indexes.js'
import { surveyTables } from './tables.js'

/** @example definePlugin({ ..., migrations }) */
export const migrations: readonly Migration[] = [createTables('0001_init', surveyTables), analyticsIndexes]
