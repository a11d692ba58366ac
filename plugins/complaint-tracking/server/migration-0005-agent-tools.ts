/**
 * @module
 * Fifth migration: agent tools. Canned replies, saved case views, and `merged_into` on cases
 * (a duplicate points to the case that survives it).
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { cannedReplies, savedViews } from './tables.js'

const asList = (x: string | string[]) => (typeof x === 'string' ? [x] : x)
const created = createTables('0005', [cannedReplies, savedViews])

/** @example migrations[4] */
export const migration0005: Migration = {
  id: '0005_agent_tools',
  sqlite: ['ALTER TABLE complaints_cases ADD COLUMN merged_into TEXT', ...asList(created.sqlite)],
  pg: ['ALTER TABLE complaints_cases ADD COLUMN merged_into TEXT', ...asList(created.pg)],
}
