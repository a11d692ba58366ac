/**
 * @module
 * The stored wish of the admin for each plugin: enabled or not, and its config.
 */
import { ormOf, type Queryable } from '@rapport/db'
import { coreSchema } from '../schema/drizzle/core-schema.js'

/** What an admin chose for one plugin; `config` is undefined when none was stored. */
export type StoredPluginState = { enabled: boolean; config: unknown }

/** Every stored state by plugin name. @example const states = await loadPluginStates(db) */
export async function loadPluginStates(db: Queryable): Promise<Map<string, StoredPluginState>> {
  const { pluginStates } = coreSchema.of(db)
  const rows = await ormOf(db).select({ name: pluginStates.name, enabled: pluginStates.enabled, config: pluginStates.config }).from(pluginStates)
  return new Map(rows.map(({ name, enabled, config }) => [name, { enabled, config: config ?? undefined }]))
}

/**
 * Stores the state of one plugin (insert or replace; the watermark columns are left as they are).
 * @example await savePluginState(db, 'tiering', { enabled: true, config: { window: 365 } }, now)
 */
export async function savePluginState(db: Queryable, name: string, state: StoredPluginState, now: Date): Promise<void> {
  const { pluginStates } = coreSchema.of(db)
  const stored = { enabled: state.enabled, config: state.config ?? null, updatedAt: now.toISOString() }
  await ormOf(db).insert(pluginStates).values({ name, ...stored }).onConflictDoUpdate({ target: pluginStates.name, set: stored })
}
