import { t, table } from '@rapport/db'

/** Which plugins an admin enabled and their config; survives restarts. */
export const pluginStates = table('core_plugins', {
  name: t.text().primaryKey(),
  enabled: t.boolean().notNull(),
  config: t.json(),
  updatedAt: t.timestamp().notNull(),
})
