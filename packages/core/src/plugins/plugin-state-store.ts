/**
 * @module
 * The stored wish of the admin for each plugin: enabled or not, and its config.
 */
import type { Queryable } from '@rapport/db'

export type StoredPluginState = { enabled: boolean; config: unknown }

/** Every stored state by plugin name. @example const states = await loadPluginStates(db) */
export async function loadPluginStates(db: Queryable): Promise<Map<string, StoredPluginState>> {
  const rows = await db.all<{ name: string; enabled: number; config: string | null }>('SELECT name, enabled, config FROM core_plugins')
  return new Map(rows.map((r) => [r.name, { enabled: Number(r.enabled) === 1, config: r.config === null ? undefined : JSON.parse(r.config) }]))
}

/** Stores a plugin's state. @example await savePluginState(db, 'tiering', { enabled: true, config: {} }, now) */
export async function savePluginState(db: Queryable, name: string, state: StoredPluginState, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO core_plugins (name, enabled, config, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, config = excluded.config, updated_at = excluded.updated_at`,
    [name, state.enabled ? 1 : 0, state.config === undefined ? null : JSON.stringify(state.config), now.toISOString()],
  )
}
