/**
 * @module
 * The plugin's own tables. Customers and agents are referred to by id only (no foreign key to core).
 */
import { t, table } from '@rapport/plugin-sdk'

/** One row per complaint case. */
export const cases = table('complaints_cases', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  customerId: t.text().notNull(),
  status: t.text().notNull(),
  channel: t.text().notNull(),
  category: t.text().notNull(),
  priority: t.text().notNull(),
  description: t.text().notNull(),
  orderRef: t.text(),
  assigneeId: t.text(),
  resolutionCode: t.text(),
  resolutionSummary: t.text(),
  createdBy: t.text().notNull(),
  createdAt: t.text().notNull(),
  updatedAt: t.text().notNull(),
  resolvedAt: t.text(),
}, { indexes: [{ name: 'complaints_cases_customer', columns: ['customerId', 'createdAt'] }, { name: 'complaints_cases_status', columns: ['status'] }, { name: 'complaints_cases_assignee', columns: ['assigneeId'] }] })

/** Replies (seen by the customer) and internal notes (staff only). */
export const messages = table('complaints_messages', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  caseId: t.text().notNull(),
  visibility: t.text().notNull(),
  body: t.text().notNull(),
  author: t.text().notNull(),
  createdAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_messages_case', columns: ['caseId'] }] })

/** Every change of a case: who, when, what. */
export const history = table('complaints_history', {
  seq: t.serial(),
  caseId: t.text().notNull(),
  action: t.text().notNull(),
  actor: t.text().notNull(),
  fromStatus: t.text(),
  toStatus: t.text(),
  /** `customer` when the customer may see the entry, `internal` otherwise. */
  visibility: t.text().notNull(),
  details: t.json(),
  at: t.text().notNull(),
}, { indexes: [{ name: 'complaints_history_case', columns: ['caseId'] }] })

/** The tables of the first migration. @example createTables('0001_init', complaintsTables) */
export const complaintsTables = [cases, messages, history] as const
