/**
 * @module
 * When a plugin that keeps failing on events is quarantined: after `limit` failures within
 * `windowMinutes` (failures from before an admin last enabled it again do not count). Set with
 * `RAPPORT_PLUGIN_FAILURE_LIMIT` and `RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES`.
 */

/** How many failures, within how many minutes, quarantine a plugin. */
export type PluginFailurePolicy = { limit: number; windowMinutes: number }

/** 5 failures within an hour. @example createPluginHost(s, plugins, { failurePolicy: DEFAULT_FAILURE_POLICY }) */
export const DEFAULT_FAILURE_POLICY: PluginFailurePolicy = Object.freeze({ limit: 5, windowMinutes: 60 })
