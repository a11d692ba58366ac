/**
 * @module
 * Second migration: SLA, follow-up visits, attachments, the public form. Cases gain columns and
 * may have no customer (public form); SQLite cannot drop NOT NULL, so it rebuilds the table.
 */
import { createTables, type Migration, t, table } from '@rapport/plugin-sdk'
import { attachments, formHits, slaEscalations, slaOutcomes } from './tables.js'

// The cases table as this migration left it, frozen: its SQL (and checksum) must never change,
// while tables.ts moves on (0003 adds the case number).
const caseColumns = {
  seq: t.serial(), id: t.text().notNull().unique(), customerId: t.text(), status: t.text().notNull(), channel: t.text().notNull(),
  category: t.text().notNull(), priority: t.text().notNull(), description: t.text().notNull(), orderRef: t.text(), assigneeId: t.text(),
  resolutionCode: t.text(), resolutionSummary: t.text(), createdBy: t.text().notNull(), createdAt: t.text().notNull(), updatedAt: t.text().notNull(),
  resolvedAt: t.text(), sla: t.json(), slaWarnAt: t.text(), slaBreachAt: t.text(), firstResponseAt: t.text(), reopenCount: t.integer().notNull().default(0),
  goodwillPoints: t.integer(), csat: t.real(), csatAt: t.text(), sourceKey: t.text().unique(), contact: t.json(),
}
const cases = table('complaints_cases', caseColumns, {
  indexes: [
    { name: 'complaints_cases_customer', columns: ['customerId', 'createdAt'] }, { name: 'complaints_cases_status', columns: ['status'] },
    { name: 'complaints_cases_assignee', columns: ['assigneeId'] }, { name: 'complaints_cases_sla_warn', columns: ['slaWarnAt'] },
    { name: 'complaints_cases_created', columns: ['createdAt'] },
  ],
})

// The follow-up visits table as this migration created it, frozen likewise (0004 moves on).
const followUps = table('complaints_follow_ups', {
  seq: t.serial(), id: t.text().notNull().unique(), caseId: t.text().notNull(), customerId: t.text(), dueAt: t.text().notNull(), status: t.text().notNull(),
  reached: t.boolean(), satisfied: t.boolean(), notes: t.text(), recordedBy: t.text(), recordedAt: t.text(), createdAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_follow_ups_due', columns: ['status', 'dueAt'] }, { name: 'complaints_follow_ups_case', columns: ['caseId'] }] })

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
