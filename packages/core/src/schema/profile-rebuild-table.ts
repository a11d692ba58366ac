import { t, table } from '@rapport/db'

/**
 * One row per applied profile rebuild of a plugin: its version (1, 2, ... per plugin), the plugin
 * version, config hash and rule versions it ran with, who asked, when, and what it changed.
 * @example await db.all('SELECT version, config_hash FROM core_profile_rebuilds WHERE plugin = ? ORDER BY version', ['tiering'])
 */
export const profileRebuilds = table('core_profile_rebuilds', {
  id: t.text().primaryKey(),
  plugin: t.text().notNull(),
  version: t.integer().notNull(),
  pluginVersion: t.text().notNull(),
  configHash: t.text().notNull(),
  rules: t.json().notNull(),
  requestedBy: t.text(),
  startedAt: t.timestamp().notNull(),
  finishedAt: t.timestamp().notNull(),
  report: t.json().notNull(),
}, { uniques: [['plugin', 'version']] })
