/**
 * @module
 * Fourth migration: follow-up visits become a workflow (an owner, attempts, visits from plans
 * without a case). SQLite cannot drop NOT NULL on `case_id`, so it rebuilds the visits table, as
 * 0002 did for cases; PostgreSQL alters it in place.
 */
import { createTables, type Migration, table } from '@rapport/plugin-sdk'
import { followUpColumns, followUps, visitAttempts } from './tables.js'

const asList = (x: string | string[]) => (typeof x === 'string' ? [x] : x)
const onlyIndexes = (stmts: string[]) => stmts.filter((s) => s.startsWith('CREATE INDEX') || s.startsWith('CREATE UNIQUE INDEX'))
const oldColumns = 'seq, id, case_id, customer_id, due_at, status, reached, satisfied, notes, recorded_by, recorded_at, created_at'
const rebuilt = createTables('rebuild', [table('complaints_follow_ups_next', followUpColumns)])
const visitsNow = createTables('visits', [followUps])
const attempts = createTables('0004', [visitAttempts])
const newIndexes = (stmts: string[]) => onlyIndexes(stmts).filter((s) => /"complaints_follow_ups_(owner|plan)"/.test(s))

/** @example migrations[3] */
export const migration0004: Migration = {
  id: '0004_visit_workflow',
  sqlite: [
    ...asList(rebuilt.sqlite),
    `INSERT INTO complaints_follow_ups_next (${oldColumns}) SELECT ${oldColumns} FROM complaints_follow_ups`,
    'DROP TABLE complaints_follow_ups',
    'ALTER TABLE complaints_follow_ups_next RENAME TO complaints_follow_ups',
    ...onlyIndexes(asList(visitsNow.sqlite)),
    ...asList(attempts.sqlite),
  ],
  pg: [
    'ALTER TABLE complaints_follow_ups ALTER COLUMN case_id DROP NOT NULL',
    'ALTER TABLE complaints_follow_ups ADD COLUMN owner_id TEXT',
    'ALTER TABLE complaints_follow_ups ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE complaints_follow_ups ADD COLUMN plan_id TEXT',
    'ALTER TABLE complaints_follow_ups ADD COLUMN period_key TEXT',
    ...newIndexes(asList(visitsNow.pg)),
    ...asList(attempts.pg),
  ],
}
