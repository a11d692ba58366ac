/**
 * @module
 * Migration 0009: how far each plugin has seen the event log, for the catch-up on enable. NULL
 * means current (an enabled plugin that sees every event as it is appended); a number is the last
 * event seq it saw before it was disabled or stopped. A disabled plugin with NULL has seen nothing.
 * Plugins already disabled when this runs were switched off by an admin after they had run: they
 * count as having seen the log so far (as before catch-up existed), so enabling them again replays
 * only what comes later, never what they already applied.
 */
import type { Migration } from '@rapport/db'

const DISABLED_HAVE_SEEN_ALL = 'UPDATE core_plugins SET seen_through_seq = (SELECT COALESCE(MAX(seq), 0) FROM core_events) WHERE enabled = 0'

/** @example coreMigrations.push(pluginWatermarkColumn) */
export const pluginWatermarkColumn: Migration = {
  id: '0009_plugin_seen_through_seq',
  sqlite: ['ALTER TABLE core_plugins ADD COLUMN seen_through_seq INTEGER', DISABLED_HAVE_SEEN_ALL],
  pg: ['ALTER TABLE core_plugins ADD COLUMN seen_through_seq BIGINT', DISABLED_HAVE_SEEN_ALL],
}
