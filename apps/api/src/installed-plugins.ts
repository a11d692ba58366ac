import type { PluginDefinition } from '@rapport/core'
import complaintTracking from '@rapport/plugin-complaint-tracking/server'
import pointsMembership from '@rapport/plugin-points-membership/server'
import tiering from '@rapport/plugin-tiering/server'

/**
 * The plugins this server installs. Each boots enabled the first time and can then be disabled,
 * re-enabled and configured at runtime from /api/v1/plugins. The other built-in plugins
 * (satisfaction-survey, churn-risk) are added here as they land.
 */
export const installedPlugins: readonly PluginDefinition[] = [tiering, pointsMembership, complaintTracking]
