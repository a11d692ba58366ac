import { t, table } from '@rapport/db'

/** Which plugins an admin enabled and their config; survives restarts. Migration 0009 adds `seen_through_seq` (plugin-watermark-column.ts). */
export const pluginStates = table('core_plugins', {
  name: t.text().primaryKey(),
  enabled: t.boolean().notNull(),
  config: t.json(),
  updatedAt: t.timestamp().notNull(),
})
