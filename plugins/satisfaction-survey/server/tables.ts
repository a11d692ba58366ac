/**
 * @module
 * The plugin's own tables. Customers are referred to by id only (no foreign key to core).
 */
import { t, table } from '@rapport/plugin-sdk'

/** One row per survey: its editable draft and its distribution settings. */
export const surveys = table('satisfaction_surveys', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  name: t.text().notNull(),
  draft: t.json().notNull(),
  locales: t.json().notNull(),
  defaultLocale: t.text().notNull(),
  theme: t.json().notNull(),
  scores: t.json().notNull(),
  triggers: t.json().notNull(),
  publicLink: t.json().notNull(),
  /** The anonymous link's token; its HMAC key signs client ids and proof-of-work challenges. */
  publicToken: t.text().notNull().unique(),
  publicSecret: t.text().notNull(),
  latestVersion: t.integer(),
  createdAt: t.text().notNull(),
  updatedAt: t.text().notNull(),
  archivedAt: t.text(),
})

/** Published versions: immutable once written. */
export const versions = table('satisfaction_versions', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  surveyId: t.text().notNull(),
  version: t.integer().notNull(),
  json: t.json().notNull(),
  locales: t.json().notNull(),
  defaultLocale: t.text().notNull(),
  theme: t.json().notNull(),
  scores: t.json().notNull(),
  publishedAt: t.text().notNull(),
}, { uniques: [['surveyId', 'version']] })

/** One per customer link: status created → opened → partial → completed / expired. */
export const invitations = table('satisfaction_invitations', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  surveyId: t.text().notNull(),
  versionId: t.text().notNull(),
  version: t.integer().notNull(),
  customerId: t.text().notNull(),
  /** SHA-256 of the link token: the token itself is never stored. */
  tokenHash: t.text().notNull().unique(),
  status: t.text().notNull(),
  source: t.text().notNull(),
  locale: t.text().notNull(),
  hidden: t.json().notNull(),
  expiresAt: t.text().notNull(),
  createdAt: t.text().notNull(),
  openedAt: t.text(),
  completedAt: t.text(),
  sentAt: t.text(),
  responseId: t.text(),
}, { indexes: [{ name: 'satisfaction_invitations_customer', columns: ['customerId', 'createdAt'] }, { name: 'satisfaction_invitations_status', columns: ['status', 'expiresAt'] }, { name: 'satisfaction_invitations_survey', columns: ['surveyId', 'createdAt'] }] })

/** Invitations a trigger asked for, waiting for their due time (the job creates them). */
export const scheduled = table('satisfaction_scheduled', {
  seq: t.serial(),
  surveyId: t.text().notNull(),
  customerId: t.text().notNull(),
  source: t.text().notNull(),
  /** The triggering event's id: a replayed event schedules nothing twice. */
  sourceRef: t.text().notNull(),
  dueAt: t.text().notNull(),
  /** `pending`, `created` or `skipped` (quiet period, archived or unpublished survey). */
  state: t.text().notNull(),
  invitationId: t.text(),
}, { uniques: [['surveyId', 'sourceRef']], indexes: [{ name: 'satisfaction_scheduled_due', columns: ['state', 'dueAt'] }] })

/** Responses, partial or completed, each pinned to the version it answered. */
export const responses = table('satisfaction_responses', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  surveyId: t.text().notNull(),
  versionId: t.text().notNull(),
  version: t.integer().notNull(),
  /** One response per invitation: a completed one makes the link used. */
  invitationId: t.text().unique(),
  customerId: t.text(),
  channel: t.text().notNull(),
  status: t.text().notNull(),
  locale: t.text().notNull(),
  answers: t.json().notNull(),
  hidden: t.json().notNull(),
  profileSnapshot: t.json().notNull(),
  nps: t.integer(),
  csat: t.integer(),
  ces: t.integer(),
  /** `<surveyId>:<clientId>` when the public link takes one response per browser. */
  clientKey: t.text().unique(),
  /** The proof-of-work challenge spent on this response. */
  proofChallenge: t.text().unique(),
  startedAt: t.text().notNull(),
  updatedAt: t.text().notNull(),
  completedAt: t.text(),
}, { indexes: [{ name: 'satisfaction_responses_survey', columns: ['surveyId', 'completedAt'] }, { name: 'satisfaction_responses_customer', columns: ['customerId', 'completedAt'] }, { name: 'satisfaction_responses_completed', columns: ['completedAt'] }] })

/** Fixed-window request counters of the public link, per hashed address and survey (shared by every API process). */
export const rateHits = table('satisfaction_rate_hits', {
  key: t.text().primaryKey(),
  windowStart: t.text().notNull(),
  hits: t.integer().notNull(),
})

/**
 * A token that changes with every write of `satisfaction_surveys` (one row, key `surveys`): the
 * order path keeps the published surveys' triggers in memory and re-reads them only when the token
 * moved, in any process. A random token, not a counter, so a table emptied and filled again never
 * repeats a token a process still holds.
 */
export const revisions = table('satisfaction_revisions', {
  key: t.text().primaryKey(),
  token: t.text().notNull(),
})

/** The tables of the first migration. @example createTables('0001_init', surveyTables) */
export const surveyTables = [surveys, versions, invitations, scheduled, responses, rateHits] as const
