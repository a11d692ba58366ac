/**
 * @module
 * Migration 0011: what the host records when a plugin's rule or in-transaction subscriber fails on
 * an event (the event is kept, the plugin's work on it is dropped), and on `core_plugins` when a
 * plugin was quarantined for failing too often (`quarantined_at`) and which of its failures no
 * longer count towards that, because an admin enabled it again (`failures_cleared_through`: the
 * seq of the last such failure).
 */
import { createTables, migrationStatements, t, table, type Migration } from '@rapport/db'

/**
 * One failure of one plugin on one event: the handler (`kind` `rule` or `subscriber`, its id), the
 * coded error (`details` JSON) and, for an uncoded throw, its message as `reason`.
 * @example await db.all('SELECT * FROM core_plugin_failures WHERE plugin = ? ORDER BY seq DESC LIMIT 1', ['churn-risk'])
 */
export const pluginFailures = table('core_plugin_failures', {
  seq: t.serial(),
  plugin: t.text().notNull(),
  eventId: t.text().notNull(),
  eventSeq: t.bigint().notNull(),
  eventType: t.text().notNull(),
  kind: t.text().notNull(),
  handler: t.text().notNull(),
  code: t.text().notNull(),
  message: t.text().notNull(),
  details: t.json(),
  reason: t.text(),
  at: t.timestamp().notNull(),
}, { indexes: [{ name: 'core_plugin_failures_plugin_at', columns: ['plugin', 'at'] }] })

const table0011 = createTables('0011_plugin_failures', [pluginFailures])
const columns = (seq: string) => ['ALTER TABLE core_plugins ADD COLUMN quarantined_at TEXT', `ALTER TABLE core_plugins ADD COLUMN failures_cleared_through ${seq}`]

/** @example coreMigrations.push(pluginFailuresMigration) */
export const pluginFailuresMigration: Migration = {
  id: table0011.id,
  sqlite: [...migrationStatements(table0011, 'sqlite'), ...columns('INTEGER')],
  pg: [...migrationStatements(table0011, 'pg'), ...columns('BIGINT')],
}
