import type { PluginDefinition } from '@rapport/core'

/**
 * The plugins this server installs. Each boots enabled the first time and can then be disabled,
 * re-enabled and configured at runtime from /api/v1/plugins. The built-in plugins
 * (satisfaction-survey, points-membership, complaint-tracking, tiering, churn-risk) are added here
 * as they land.
 */
export const installedPlugins: readonly PluginDefinition[] = []
