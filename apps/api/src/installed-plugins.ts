import type { PluginDefinition } from '@rapport/core'
import complaintTracking from '@rapport/plugin-complaint-tracking/server'
import pointsMembership from '@rapport/plugin-points-membership/server'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import tiering from '@rapport/plugin-tiering/server'

/**
 * The plugins this server installs. Each boots enabled the first time and can then be disabled,
 * re-enabled and configured at runtime from /api/v1/plugins. The other built-in plugin
 * (churn-risk) is added here when it lands.
 */
export const installedPlugins: readonly PluginDefinition[] = [tiering, pointsMembership, complaintTracking, satisfactionSurvey]
