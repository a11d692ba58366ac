/**
 * @module
 * The shared customer profile: one row per (customer, field) value, and the history of every
 * change with the rule or plugin code that made it, so a value can explain itself and be rebuilt.
 */
import { t, table } from '@rapport/db'

/**
 * Current profile values. number, integer and boolean fields live in `num_value` (boolean as
 * 0/1); string, date and enum fields in `text_value`. An unset value has no row. The two
 * indexes let any field filter and sort the customer list. On SQLite the table is WITHOUT ROWID
 * since migration 0018 (clustered-profile-values.ts): its primary key is the table.
 * @example await db.get('SELECT num_value FROM core_profile_values WHERE customer_id = ? AND field = ?', [id, 'points.balance'])
 */
export const profileValues = table('core_profile_values', {
  customerId: t.text().notNull(),
  field: t.text().notNull(),
  numValue: t.real(),
  textValue: t.text(),
  updatedAt: t.timestamp().notNull(),
}, {
  primaryKey: ['customerId', 'field'],
  indexes: [
    { name: 'core_profile_values_num', columns: ['field', 'numValue', 'customerId'] },
    { name: 'core_profile_values_text', columns: ['field', 'textValue', 'customerId'] },
  ],
})

/**
 * Every real change of a profile value, as migration 0004 made the table (kept as it was: 0004's
 * checksum is its SQL). Migration 0014 packs it (compact-profile-changes.ts). `operand`, `previous` and `next` are JSON text;
 * `sourceKind` is `rule` (id and version of a scoring rule) or `plugin` (the reason id a plugin
 * gave); `eventSeq` is the event that caused it, when there is one.
 * @example await db.all('SELECT * FROM core_profile_changes WHERE customer_id = ? AND field = ? ORDER BY seq', [id, 'points.balance'])
 */
export const profileChanges = table('core_profile_changes', {
  seq: t.serial(),
  customerId: t.text().notNull(),
  field: t.text().notNull(),
  op: t.text().notNull(),
  operand: t.json(),
  previous: t.json(),
  next: t.json(),
  sourceKind: t.text().notNull(),
  sourceId: t.text().notNull(),
  sourceVersion: t.integer(),
  plugin: t.text().notNull(),
  eventSeq: t.bigint(),
  at: t.timestamp().notNull(),
}, { indexes: [{ name: 'core_profile_changes_customer_field', columns: ['customerId', 'field', 'seq'] }] })

/** The profile's tables, in creation order. @example createTables('0004_profile', profileTables) */
export const profileTables = [profileValues, profileChanges]
