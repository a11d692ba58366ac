/**
 * @module
 * The first migration, frozen as the SQL it ran (its checksum must never change; the tables in
 * `tables.ts` have moved on since).
 */
import type { Migration } from '@rapport/plugin-sdk'

const cases = (serial: string) => `CREATE TABLE IF NOT EXISTS "complaints_cases" (
  "seq" ${serial},
  "id" TEXT NOT NULL UNIQUE,
  "customer_id" TEXT NOT NULL,
  "status" TEXT NOT NULL,
  "channel" TEXT NOT NULL,
  "category" TEXT NOT NULL,
  "priority" TEXT NOT NULL,
  "description" TEXT NOT NULL,
  "order_ref" TEXT,
  "assignee_id" TEXT,
  "resolution_code" TEXT,
  "resolution_summary" TEXT,
  "created_by" TEXT NOT NULL,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL,
  "resolved_at" TEXT
)`
const messages = (serial: string) => `CREATE TABLE IF NOT EXISTS "complaints_messages" (
  "seq" ${serial},
  "id" TEXT NOT NULL UNIQUE,
  "case_id" TEXT NOT NULL,
  "visibility" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "author" TEXT NOT NULL,
  "created_at" TEXT NOT NULL
)`
const history = (serial: string) => `CREATE TABLE IF NOT EXISTS "complaints_history" (
  "seq" ${serial},
  "case_id" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "actor" TEXT NOT NULL,
  "from_status" TEXT,
  "to_status" TEXT,
  "visibility" TEXT NOT NULL,
  "details" TEXT,
  "at" TEXT NOT NULL
)`
const statements = (serial: string) => [
  cases(serial),
  'CREATE INDEX IF NOT EXISTS "complaints_cases_customer" ON "complaints_cases" ("customer_id", "created_at")',
  'CREATE INDEX IF NOT EXISTS "complaints_cases_status" ON "complaints_cases" ("status")',
  'CREATE INDEX IF NOT EXISTS "complaints_cases_assignee" ON "complaints_cases" ("assignee_id")',
  messages(serial),
  'CREATE INDEX IF NOT EXISTS "complaints_messages_case" ON "complaints_messages" ("case_id")',
  history(serial),
  'CREATE INDEX IF NOT EXISTS "complaints_history_case" ON "complaints_history" ("case_id")',
]

/** @example migrations[0] */
export const migration0001: Migration = { id: '0001_init', sqlite: statements('INTEGER PRIMARY KEY AUTOINCREMENT'), pg: statements('BIGSERIAL PRIMARY KEY') }
