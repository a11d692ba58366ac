import type { PluginDefinition } from './contract.js'
import { pluginErrors } from './plugin-errors.js'

/**
 * Validates a plugin's config against its schema (defaults fill what is missing); 422
 * PLUGIN_CONFIG_INVALID names each invalid field.
 * @example const config = parseConfig(definition, { pointsPerYuan: 2 })
 */
export function parseConfig(def: PluginDefinition, raw: unknown): unknown {
  if (!def.config) return {}
  const result = def.config.safeParse(raw ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  throw pluginErrors.CONFIG_INVALID({ plugin: def.name, issues })
}
