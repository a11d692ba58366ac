/**
 * @module
 * Migration 0009: how far each plugin has seen the event log, for the catch-up on enable. NULL
 * means current (an enabled plugin that sees every event as it is appended); a number is the last
 * event seq it saw before it was disabled or stopped. A disabled plugin with NULL has seen nothing.
 */
import type { Migration } from '@rapport/db'

/** @example coreMigrations.push(pluginWatermarkColumn) */
export const pluginWatermarkColumn: Migration = {
  id: '0009_plugin_seen_through_seq',
  sqlite: 'ALTER TABLE core_plugins ADD COLUMN seen_through_seq INTEGER',
  pg: 'ALTER TABLE core_plugins ADD COLUMN seen_through_seq BIGINT',
}
