/**
 * @module
 * The plugin's own tables. Customers and agents are referred to by id only (no foreign key to core).
 */
import { t, table } from '@rapport/plugin-sdk'

/** The columns of a case (also used by the migration that rebuilds the SQLite table). */
export const caseColumns = {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  /** Null for a case filed through the public form (it keeps the contact given there). */
  customerId: t.text(),
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
  /** The SLA terms pinned at intake (policy, calendar, targets), JSON. */
  sla: t.json(),
  /** When the case's worst SLA target crossed (or, running, will cross) its warning and its target; recomputed on every write. */
  slaWarnAt: t.text(),
  slaBreachAt: t.text(),
  firstResponseAt: t.text(),
  reopenCount: t.integer().notNull().default(0),
  goodwillPoints: t.integer(),
  /** The CSAT score given for this case's resolution (from `survey.response.completed`). */
  csat: t.real(),
  csatAt: t.text(),
  /** What opened the case automatically (`survey-response:<id>`), unique: an automatic case opens once. */
  sourceKey: t.text().unique(),
  /** Name and contact given on the public form, JSON. */
  contact: t.json(),
  /** The readable number people quote, `CT-2026-000123`: per business year, given at intake (0003). */
  caseNumber: t.text(),
  /** The case this one was merged into as a duplicate (0005); the duplicate is closed and keeps its history. */
  mergedInto: t.text(),
  /** Values of the custom fields of the case's category, JSON by field key (0006). */
  customFields: t.json(),
}

/** One row per complaint case. */
export const cases = table('complaints_cases', caseColumns, {
  indexes: [
    { name: 'complaints_cases_customer', columns: ['customerId', 'createdAt'] }, { name: 'complaints_cases_status', columns: ['status'] },
    { name: 'complaints_cases_assignee', columns: ['assigneeId'] }, { name: 'complaints_cases_sla_warn', columns: ['slaWarnAt'] },
    { name: 'complaints_cases_created', columns: ['createdAt'] },
    { name: 'complaints_cases_number', columns: ['caseNumber'], unique: true },
  ],
})

/** The last case number given in each business year (the per-year sequence). */
export const caseCounters = table('complaints_case_counters', {
  year: t.integer().primaryKey(),
  lastNumber: t.integer().notNull(),
})

/** Tags on cases, free text chosen by agents (`refund`, `vip`, `媒体关注`). */
export const caseTags = table('complaints_case_tags', {
  seq: t.serial(),
  caseId: t.text().notNull(),
  tag: t.text().notNull(),
  createdAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_case_tags_once', columns: ['caseId', 'tag'], unique: true }, { name: 'complaints_case_tags_tag', columns: ['tag'] }] })

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

/** Whether each stopped SLA target was met: one row per case, target and cycle (for hit rates). */
export const slaOutcomes = table('complaints_sla_outcomes', {
  seq: t.serial(),
  caseId: t.text().notNull(),
  target: t.text().notNull(),
  cycle: t.text().notNull(),
  met: t.boolean().notNull(),
  elapsedMinutes: t.integer().notNull(),
  targetMinutes: t.integer().notNull(),
  at: t.text().notNull(),
}, { indexes: [{ name: 'complaints_sla_outcomes_once', columns: ['caseId', 'target', 'cycle'], unique: true }, { name: 'complaints_sla_outcomes_at', columns: ['at'] }] })

/** Warnings and breaches already escalated: once per case, target, cycle and level. */
export const slaEscalations = table('complaints_sla_escalations', {
  seq: t.serial(),
  caseId: t.text().notNull(),
  target: t.text().notNull(),
  cycle: t.text().notNull(),
  level: t.text().notNull(),
  at: t.text().notNull(),
}, { indexes: [{ name: 'complaints_sla_escalations_once', columns: ['caseId', 'target', 'cycle', 'level'], unique: true }] })

/**
 * Follow-up visits (回访): after a resolution (with its case), from a visit plan (a segment each
 * period, a first order; no case), or scheduled by hand. An owner calls; each attempt is in
 * `complaints_visit_attempts`; `attempts` counts them for the retry schedule (0004).
 */
export const followUpColumns = {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  caseId: t.text(),
  customerId: t.text(),
  dueAt: t.text().notNull(),
  status: t.text().notNull(),
  reached: t.boolean(),
  satisfied: t.boolean(),
  notes: t.text(),
  recordedBy: t.text(),
  recordedAt: t.text(),
  createdAt: t.text().notNull(),
  ownerId: t.text(),
  attempts: t.integer().notNull().default(0),
  /** The visit plan that made it, and the plan's period (`2026-10`, `first-order`): one visit per customer and period. */
  planId: t.text(),
  periodKey: t.text(),
}

/** One row per visit. */
export const followUps = table('complaints_follow_ups', followUpColumns, {
  indexes: [
    { name: 'complaints_follow_ups_due', columns: ['status', 'dueAt'] }, { name: 'complaints_follow_ups_case', columns: ['caseId'] },
    { name: 'complaints_follow_ups_owner', columns: ['ownerId', 'status', 'dueAt'] },
    { name: 'complaints_follow_ups_plan', columns: ['planId', 'customerId', 'periodKey'], unique: true },
  ],
})

/** Each call of a visit: its outcome (reached, not reached, wrong number), who, when. */
export const visitAttempts = table('complaints_visit_attempts', {
  seq: t.serial(),
  followUpId: t.text().notNull(),
  outcome: t.text().notNull(),
  satisfied: t.boolean(),
  notes: t.text(),
  recordedBy: t.text().notNull(),
  at: t.text().notNull(),
}, { indexes: [{ name: 'complaints_visit_attempts_visit', columns: ['followUpId'] }] })

/** Small files attached to a case (stored here, served only to staff and the case's customer). */
export const attachments = table('complaints_attachments', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  caseId: t.text().notNull(),
  fileName: t.text().notNull(),
  contentType: t.text().notNull(),
  sizeBytes: t.integer().notNull(),
  data: t.blob().notNull(),
  uploadedBy: t.text().notNull(),
  createdAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_attachments_case', columns: ['caseId'] }] })

/** Public form submissions per address (hashed) and window, for the rate limit. */
export const formHits = table('complaints_form_hits', {
  addressHash: t.text().notNull(),
  windowStart: t.text().notNull(),
  hits: t.integer().notNull(),
}, { indexes: [{ name: 'complaints_form_hits_window', columns: ['addressHash', 'windowStart'], unique: true }] })

/** Canned replies agents insert into a reply, per language and optionally per category (0005). */
export const cannedReplies = table('complaints_canned_replies', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  title: t.text().notNull(),
  body: t.text().notNull(),
  locale: t.text().notNull(),
  /** A category id: offered on cases of it and its sub-categories; null: on every case. */
  category: t.text(),
  createdBy: t.text().notNull(),
  createdAt: t.text().notNull(),
  updatedAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_canned_replies_locale', columns: ['locale', 'title'] }] })

/** Case list filters a staff member saved under a name (0005). */
export const savedViews = table('complaints_saved_views', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  ownerId: t.text().notNull(),
  name: t.text().notNull(),
  filters: t.json().notNull(),
  createdAt: t.text().notNull(),
}, { indexes: [{ name: 'complaints_saved_views_owner', columns: ['ownerId'] }] })

/** Every table of the plugin, as it is now. */
export const complaintsTables = [cases, messages, history, slaOutcomes, slaEscalations, followUps, attachments, formHits, caseCounters, caseTags, visitAttempts, cannedReplies, savedViews] as const
