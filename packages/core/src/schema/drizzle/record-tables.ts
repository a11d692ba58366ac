/**
 * @module
 * Customers, the event log, the shared profile and its rebuilds.
 */
import type { ColumnKit } from '@rapport/db'
import { sql } from 'drizzle-orm'

/**
 * The customer and event tables, for one dialect's column kit (see core-schema.ts).
 * @param k - the dialect's column kit
 * @example
 * const { events } = recordTables(k)
 */
export function recordTables(k: ColumnKit) {
  /** Customers: email and phone are encrypted at rest, with keyed hashes for exact lookups. */
  const customers = k.table('core_customers', {
    id: k.text().primaryKey(),
    externalId: k.text().unique(),
    name: k.text(),
    emailEnc: k.text(),
    emailHash: k.text(),
    phoneEnc: k.text(),
    phoneHash: k.text(),
    birthday: k.text(),
    locale: k.text(),
    timeZone: k.text(),
    attributes: k.json<Record<string, unknown>>().notNull().default({}),
    createdAt: k.timestamp().notNull(),
    updatedAt: k.timestamp().notNull(),
    erasedAt: k.timestamp(),
  }, (t) => [
    k.index('core_customers_created').on(t.createdAt, t.id),
    k.index('core_customers_name').on(t.name, t.id),
    k.index('core_customers_email_hash').on(t.emailHash),
    k.index('core_customers_phone_hash').on(t.phoneHash),
  ])

  /** The append-only event log: `seq` orders it, `idempotencyKey` makes a repeated append return the first result. */
  const events = k.table('core_events', {
    seq: k.serial(),
    id: k.text().notNull().unique(),
    idempotencyKey: k.text().notNull().unique(),
    type: k.text().notNull(),
    customerId: k.text(),
    payload: k.json().notNull(),
    occurredAt: k.timestamp().notNull(),
    recordedAt: k.timestamp().notNull(),
    source: k.text().notNull(),
    actorType: k.text(),
    actorId: k.text(),
  }, (t) => [k.index('core_events_customer').on(t.customerId, t.seq), k.index('core_events_type').on(t.type, t.seq)])

  /** Current profile values: a number or a text per customer and field (WITHOUT ROWID on SQLite since migration 0018, which drizzle does not declare). */
  const profileValues = k.table('core_profile_values', {
    customerId: k.text().notNull(),
    field: k.text().notNull(),
    numValue: k.real(),
    textValue: k.text(),
    updatedAt: k.timestamp().notNull(),
  }, (t) => [
    k.primaryKey({ columns: [t.customerId, t.field] }),
    k.index('core_profile_values_num').on(t.field, t.numValue, t.customerId).where(sql`num_value IS NOT NULL`),
    k.index('core_profile_values_text').on(t.field, t.textValue, t.customerId).where(sql`text_value IS NOT NULL`),
  ])

  /**
   * One plugin's write for one customer in one row; `changes` is the packed list (migration 0014).
   * Keyed by (customer, seq), seq counting the customer's rows; `at` NULL is the event's occurred_at (migration 0022).
   */
  const profileChanges = k.table('core_profile_changes', {
    customerId: k.text().notNull(),
    seq: k.bigint().notNull(),
    eventSeq: k.bigint(),
    plugin: k.text().notNull(),
    at: k.timestamp(),
    changes: k.text().notNull(),
  }, (t) => [k.primaryKey({ columns: [t.customerId, t.seq] })])

  /** Numbered, recorded rebuilds of one plugin's profile fields. */
  const profileRebuilds = k.table('core_profile_rebuilds', {
    id: k.text().primaryKey(),
    plugin: k.text().notNull(),
    version: k.integer().notNull(),
    pluginVersion: k.text().notNull(),
    configHash: k.text().notNull(),
    rules: k.json().notNull(),
    requestedBy: k.text(),
    startedAt: k.timestamp().notNull(),
    finishedAt: k.timestamp().notNull(),
    report: k.json().notNull(),
  }, (t) => [k.unique().on(t.plugin, t.version)])

  return { customers, events, profileValues, profileChanges, profileRebuilds }
}
