/**
 * @module
 * Second migration: SLA, follow-up visits, attachments, the public form. Cases gain columns and
 * may have no customer (public form); SQLite cannot drop NOT NULL, so it rebuilds the table.
 */
import { createTables, type Migration, table } from '@rapport/plugin-sdk'
import { attachments, caseColumns, cases, followUps, formHits, slaEscalations, slaOutcomes } from './tables.js'

const added = ['sla TEXT', 'sla_warn_at TEXT', 'sla_breach_at TEXT', 'first_response_at TEXT', 'reopen_count INTEGER NOT NULL DEFAULT 0',
  'goodwill_points INTEGER', 'csat', 'csat_at TEXT', 'source_key TEXT', 'contact TEXT']
const oldColumns = `seq, id, customer_id, status, channel, category, priority, description, order_ref, assignee_id, resolution_code,
  resolution_summary, created_by, created_at, updated_at, resolved_at`

const onlyIndexes = (stmts: string[]) => stmts.filter((s) => s.startsWith('CREATE INDEX') || s.startsWith('CREATE UNIQUE INDEX'))
const rebuilt = createTables('rebuild', [table('complaints_cases_next', caseColumns)])
const casesNow = createTables('cases', [cases])
const newTables = createTables('0002', [slaOutcomes, slaEscalations, followUps, attachments, formHits])
const asList = (x: string | string[]) => (typeof x === 'string' ? [x] : x)

/** @example migrations[1] */
export const migration0002: Migration = {
  id: '0002_sla_follow_ups_attachments',
  sqlite: [
    ...asList(rebuilt.sqlite),
    `INSERT INTO complaints_cases_next (${oldColumns}) SELECT ${oldColumns} FROM complaints_cases`,
    'DROP TABLE complaints_cases',
    'ALTER TABLE complaints_cases_next RENAME TO complaints_cases',
    ...onlyIndexes(asList(casesNow.sqlite)),
    ...asList(newTables.sqlite),
  ],
  pg: [
    'ALTER TABLE complaints_cases ALTER COLUMN customer_id DROP NOT NULL',
    ...added.map((c) => `ALTER TABLE complaints_cases ADD COLUMN ${c === 'csat' ? 'csat DOUBLE PRECISION' : c}`),
    'ALTER TABLE complaints_cases ADD CONSTRAINT complaints_cases_source_key_unique UNIQUE (source_key)',
    ...onlyIndexes(asList(casesNow.pg)).filter((s) => !/"complaints_cases_(customer|status|assignee)"/.test(s)),
    ...asList(newTables.pg),
  ],
}
