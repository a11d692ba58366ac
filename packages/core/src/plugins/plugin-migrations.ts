import { createTables, migrate, type Database, type Migration } from '@rapport/db'
import type { PluginDefinition } from './contract.js'
import { pluginErrors } from './plugin-errors.js'
import { tablePrefix } from './validate-definition.js'

/**
 * Applies a plugin's migrations into its own migrations table (`<namespace>_migrations`); a
 * plugin that declares tables but no migrations gets them created by a first migration.
 * @example await runPluginMigrations(db, definition)
 */
export async function runPluginMigrations(db: Database, def: PluginDefinition): Promise<void> {
  const migrations: Migration[] = [...(def.migrations ?? [])]
  if (migrations.length === 0 && def.tables?.length) migrations.push(createTables('0001_tables', def.tables))
  if (migrations.length === 0) return
  try {
    await migrate(db, tablePrefix(def.namespace), migrations)
  } catch (err) {
    throw pluginErrors.MIGRATION_FAILED({ plugin: def.name, reason: err instanceof Error ? err.message : String(err) }, err)
  }
}
