import type { Logger, PluginDefinition } from '@rapport/core'
import churnRisk from '@rapport/plugin-churn-risk/server'
import complaintTracking from '@rapport/plugin-complaint-tracking/server'
import pointsMembership from '@rapport/plugin-points-membership/server'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import tiering from '@rapport/plugin-tiering/server'
import { loadExternalPlugins } from './plugins/load-external-plugins.js'

/**
 * The plugins built into this server. Each boots enabled the first time and can then be
 * disabled, re-enabled and configured at runtime from /api/v1/plugins.
 */
export const installedPlugins: readonly PluginDefinition[] = [tiering, pointsMembership, complaintTracking, satisfactionSurvey, churnRisk]

/**
 * The built-in plugins and those named in the config (`RAPPORT_PLUGINS`, the config file). A
 * module that fails to load is logged and listed as a failed plugin; the rest serve.
 * @example const plugins = await pluginsToInstall(config.plugins, log)
 */
export async function pluginsToInstall(external: readonly string[], log?: Logger, baseDir?: string): Promise<PluginDefinition[]> {
  return (await pluginsAndAdminBundles(external, log, baseDir)).plugins
}

/**
 * {@link pluginsToInstall}, with the built admin parts of the outside plugins (plugin name → entry
 * file) for the server to serve; a declared admin part that cannot be served is logged as a warning.
 * @example const { plugins, adminBundles } = await pluginsAndAdminBundles(config.plugins, log)
 */
export async function pluginsAndAdminBundles(external: readonly string[], log?: Logger, baseDir?: string): Promise<{ plugins: PluginDefinition[]; adminBundles: ReadonlyMap<string, string> }> {
  if (external.length === 0) return { plugins: [...installedPlugins], adminBundles: new Map() }
  const loaded = await loadExternalPlugins(external, baseDir ? { baseDir } : {})
  for (const failure of loaded.failures) log?.error({ module: failure.module, code: failure.code, reason: failure.message }, 'plugin module failed to load; the others keep serving')
  for (const problem of loaded.adminProblems) log?.warn(problem)
  return { plugins: [...installedPlugins, ...loaded.plugins], adminBundles: loaded.adminBundles }
}
