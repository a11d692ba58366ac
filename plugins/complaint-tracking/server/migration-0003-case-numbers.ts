/**
 * @module
 * Third migration: readable case numbers (`CT-2026-000123`, a sequence per year, unique) and case
 * tags. Cases filed before it get their numbers here, in order of filing within each year of
 * their `created_at` (UTC: SQL has no time zone rules; new cases count the business's year), and
 * each year's counter starts after them.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { caseCounters, caseTags } from './tables.js'

const asList = (x: string | string[]) => (typeof x === 'string' ? [x] : x)
const created = createTables('0003', [caseCounters, caseTags])
const YEAR = 'substr(created_at, 1, 4)'
const ranked = `SELECT seq, ${YEAR} AS y, ROW_NUMBER() OVER (PARTITION BY ${YEAR} ORDER BY created_at, seq) AS n FROM complaints_cases`
const counters = `INSERT INTO complaints_case_counters (year, last_number) SELECT CAST(${YEAR} AS INTEGER), COUNT(*) FROM complaints_cases GROUP BY ${YEAR}`
const unique = 'CREATE UNIQUE INDEX IF NOT EXISTS "complaints_cases_number" ON "complaints_cases" ("case_number")'

/** @example migrations[2] */
export const migration0003: Migration = {
  id: '0003_case_numbers_tags',
  sqlite: [
    'ALTER TABLE complaints_cases ADD COLUMN case_number TEXT',
    ...asList(created.sqlite),
    `UPDATE complaints_cases SET case_number = 'CT-' || r.y || '-' || CASE WHEN r.n < 1000000 THEN substr('00000' || r.n, -6) ELSE r.n END
       FROM (${ranked}) AS r WHERE r.seq = complaints_cases.seq`,
    counters,
    unique,
  ],
  pg: [
    'ALTER TABLE complaints_cases ADD COLUMN case_number TEXT',
    ...asList(created.pg),
    `UPDATE complaints_cases SET case_number = 'CT-' || r.y || '-' || lpad(r.n::text, GREATEST(6, length(r.n::text)), '0') FROM (${ranked}) AS r WHERE r.seq = complaints_cases.seq`,
    counters,
    unique,
  ],
}
